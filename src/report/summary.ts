/**
 * The stderr summary after a run: what was read and what was wrong with it, e.g.
 * `read 1,000 rows: 968 used, 27 skipped (no answer), 5 invalid` then the listed issues.
 */
import type { InputSummary, Warning } from '../analysis/result.js';
import { formatCount } from './format.js';
import { safeTerminalText } from './format.js';

export function summaryLines(input: InputSummary, warnings: Warning[]): string[] {
  const parts = [`${formatCount(input.used)} used`, `${formatCount(input.skipped)} skipped (no answer)`, `${formatCount(input.invalid)} invalid`];
  if (input.excluded > 0) parts.push(`${formatCount(input.excluded)} excluded`);
  const files = input.files.length > 1 ? ` from ${input.files.length} files` : '';
  const lines = [`read ${formatCount(input.rows)} row${input.rows === 1 ? '' : 's'}${files}: ${parts.join(', ')}`];
  for (const w of warnings) lines.push(`  ${safeTerminalText(warningText(w))}`);
  return lines;
}

export function warningText(w: Warning): string {
  if (w.file && w.line !== undefined) return `${w.file}:${w.line}: ${w.message}`;
  if (w.file) return `${w.file}: ${w.message}`;
  return w.message;
}
