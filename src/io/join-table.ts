/**
 * `--join FILE --on COL[=COL2]`: the customer file read whole into a lookup table (key → its other
 * columns), with the same reader as the responses (CSV, JSON, NDJSON; encoding and delimiter
 * detected). A key that appears twice is an error naming it and both lines: a left join must not
 * multiply responses. The table is plain data, so it crosses to worker threads as it is.
 */
import path from 'node:path';
import { InputError } from '../model/errors.js';
import { IssueLog, type IssueCode } from '../model/issues.js';
import { findColumn, normalizeHeader } from './columns.js';
import { openSource, readSource } from './read-source.js';

export interface JoinTable {
  file: string;
  /** the key column in the join file */
  key: string;
  /** the join file's other columns, as they are addressed (renamed `<file>.<column>` when a response column has the name) */
  columns: string[];
  /** key → values of `columns` */
  rows: [string, string[]][];
  /** numbers in this file may use a decimal comma (it is delimited with `;`) */
  decimalComma: boolean;
  /** things worth telling the user about how the file was read */
  notes: string[];
}

/** The reader's row issues a join file can have, as its notes name them (each row is still read). */
const ROW_PROBLEMS: [IssueCode, string][] = [
  ['ragged-row', 'with the wrong number of fields'],
  ['bad-quote', 'with text after a closing quote'],
  ['nul-byte', 'holding NUL bytes'],
];

const rowCount = (n: number) => `${n} row${n === 1 ? '' : 's'}`;

/**
 * Reads the join file. `responseHeader` is used to rename clashing columns; `key` is the join file's
 * key column (COL2 of --on, else the response column's name).
 */
export async function readJoinTable(file: string, key: string, responseHeader: string[]): Promise<JoinTable> {
  const source = await openSource(file);
  const keyIndex = findColumn(source.header, key, '--on', file);
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  const taken = new Set(responseHeader.map(normalizeHeader));
  const others = source.header.map((_, i) => i).filter((i) => i !== keyIndex);
  const renamed: string[] = [];
  const columns = others.map((i) => {
    const name = source.header[i];
    if (!taken.has(normalizeHeader(name))) return name;
    renamed.push(name);
    return `${base}.${name}`;
  });
  const firstLine = new Map<string, number>();
  const rows: [string, string[]][] = [];
  let blankKeys = 0;
  let unreadable = 0;
  let firstUnreadable = 0;
  let excluded = 0;
  const issues = new IssueLog();
  await readSource(
    source,
    {
      record(record) {
        const k = record.text(keyIndex).trim();
        if (k === '') {
          blankKeys++;
          return;
        }
        const seen = firstLine.get(k);
        if (seen !== undefined) {
          throw new InputError(
            `the key ${JSON.stringify(k)} appears twice in column ${JSON.stringify(source.header[keyIndex])} (lines ${seen} and ${record.line})`,
            { file, line: record.line },
            'a left join needs one row per key: remove the duplicate, or join on another column',
          );
        }
        firstLine.set(k, record.line);
        rows.push([k, others.map((i) => record.text(i).trim())]);
      },
      unreadable(line) {
        if (unreadable++ === 0) firstUnreadable = line;
      },
      excluded() {
        excluded++;
      },
    },
    issues,
  );
  const notes: string[] = [];
  if (renamed.length) notes.push(`columns also in the responses are named ${renamed.map((n) => JSON.stringify(`${base}.${n}`)).join(', ')}`);
  if (blankKeys) notes.push(`${blankKeys} row${blankKeys === 1 ? '' : 's'} without a key ignored`);
  if (unreadable) notes.push(`${rowCount(unreadable)} unreadable, ignored (the first on line ${firstUnreadable})`);
  if (excluded) notes.push(`${rowCount(excluded)} left out by the ${source.layout} layout's rules (previews, tests…)`);
  for (const [code, what] of ROW_PROBLEMS) {
    const n = issues.count(code);
    if (n) notes.push(`${rowCount(n)} ${what} (the first on line ${issues.kept.find((i) => i.code === code)!.line})`);
  }
  return { file, key: source.header[keyIndex], columns, rows, decimalComma: source.delimiter === ';', notes };
}
