/**
 * Sniffing: CSV or JSON or NDJSON, and which delimiter a CSV uses.
 */
import path from 'node:path';

export type Format = 'csv' | 'json' | 'ndjson';
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** By extension first; otherwise by the first non-blank character (and, for `{`, whether a second object follows on its own line). */
export function detectFormat(name: string, headText: string): Format {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  const text = headText.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return looksLikeNdjson(text) ? 'ndjson' : 'json';
  return ext === '.json' ? 'json' : 'csv';
}

/** A first line that is a complete JSON object, followed by a line starting with `{`. */
function looksLikeNdjson(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  try {
    JSON.parse(lines[0]);
  } catch {
    return false;
  }
  return lines[1].trimStart().startsWith('{');
}

/**
 * The delimiter among `,` `;` tab `|` that splits the first lines (outside quotes) into the same
 * number of fields, preferring more fields; `,` when nothing splits.
 */
export function detectDelimiter(headText: string): string {
  const lines = firstLines(headText, 30);
  let best = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    if (counts.length === 0 || counts[0] === 0) continue;
    const header = counts[0];
    const agree = counts.filter((c) => c === header).length / counts.length;
    const score = agree * header;
    if (agree >= 0.6 && score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Logical lines (quoted line breaks kept inside), at most `max`, the possibly cut last one dropped. */
function firstLines(text: string, max: number): string[] {
  const out: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length && out.length < max; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) {
      const line = text.slice(start, i).replace(/\r$/, '');
      if (line.trim() !== '') out.push(line);
      start = i + 1;
    }
  }
  if (out.length === 0 && start < text.length) out.push(text.slice(start));
  return out;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === d && !inQuotes) n++;
  }
  return n;
}
