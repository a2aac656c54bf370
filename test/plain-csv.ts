// A plain RFC 4180 reader for tests that compute expected results from a fixture without cxm's own
// reader: comma-delimited, double quotes, doubled quotes inside them, LF or CRLF line ends.
import { readFileSync } from 'node:fs';

export type PlainRow = Record<string, string> & { $line: string };

function records(text: string): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      }
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') out.push({ fields, line: start });
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += c;
  }
  if (field !== '' || fields.length) out.push({ fields: [...fields, field], line: start });
  return out;
}

/** The rows of a CSV file by header name, each with its physical line (`$line`, as a string). */
export function readPlainCsv(file: string): PlainRow[] {
  return parsePlainCsv(readFileSync(file, 'utf8'));
}

/** The rows of CSV text, as readPlainCsv. */
export function parsePlainCsv(text: string): PlainRow[] {
  const [header, ...rest] = records(text);
  return rest.map(({ fields, line }) => Object.fromEntries([...header.fields.map((h, i) => [h, fields[i] ?? '']), ['$line', String(line)]]) as PlainRow);
}
