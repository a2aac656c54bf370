/**
 * The same answers counted twice: overlapping exports matched by one glob, or one export holding a
 * response twice, double n and narrow every interval. With several files read together (or
 * --duplicates given) and a response-id column (the layout's, or --id COL), an id seen more than once
 * is counted once: by default the last in the order the files are given (a later export holds the
 * latest state of an edited answer); --duplicates first|last|error|keep chooses. The ids are read in a
 * first pass, and the rows to drop go to the row gate by line (plain data, for worker threads).
 * Memory grows with the number of distinct ids, and only when this is active: one file without the
 * flag costs nothing.
 */
import fs from 'node:fs';
import { InputError, UsageError } from '../model/errors.js';
import { IssueLog } from '../model/issues.js';
import { findColumn } from '../io/columns.js';
import { detectIdColumn } from '../io/person-columns.js';
import { openSource, readSource, type OpenOptions, type Source } from '../io/read-source.js';

export const DUPLICATE_POLICIES = ['last', 'first', 'error', 'keep'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

export interface DuplicateScan {
  /** the id column (as the first file names it) and the policy applied */
  column: string;
  policy: DuplicatePolicy;
  /** per source, the lines of the rows left out as duplicates */
  drop: number[][];
  /** rows left out, and distinct ids seen more than once */
  dropped: number;
  ids: number;
}

/** Refuses a file given twice (by its real path): its answers would count twice. */
export function refuseRepeatedFiles(files: string[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    if (file === '-') continue;
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      continue; // opening it reports the problem
    }
    const earlier = seen.get(real);
    if (earlier !== undefined) {
      throw new UsageError(`${file} is given twice${earlier === file ? '' : ` (also as ${earlier})`}: its answers would count twice`, 'give each file once (check the glob)');
    }
    seen.set(real, file);
  }
}

/**
 * Which rows to drop as duplicates, or null when the check does not apply (one file and no flag, no
 * id column found without the flag, --duplicates keep). `error` stops at the first id seen twice.
 */
export async function scanDuplicates(sources: Source[], policy: DuplicatePolicy | undefined, idColumn: string | undefined, options: OpenOptions): Promise<DuplicateScan | null> {
  if (policy === 'keep' || (policy === undefined && sources.length < 2)) return null;
  const first = sources[0];
  const index0 = idColumn !== undefined ? findColumn(first.header, idColumn, '--id', first.input.name, first.labels) : detectIdColumn(first.header);
  if (index0 === null) {
    if (policy === undefined) return null;
    throw new UsageError(`--duplicates ${policy}: no response-id column found in ${first.input.name}`, 'name it with --id COLUMN');
  }
  const column = first.header[index0];
  if (sources.some((s) => s.input.path === null)) {
    if (policy === undefined) return null;
    throw new UsageError(`--duplicates ${policy} reads the inputs twice: standard input cannot be read again`, 'save the export to a file first');
  }
  const chosen = policy ?? 'last';
  // id → [source, line] of the occurrence kept so far
  const kept = new Map<string, [number, number]>();
  const drop: number[][] = sources.map(() => []);
  const repeated = new Set<string>();
  for (let k = 0; k < sources.length; k++) {
    const again = await openSource(sources[k].input.path!, options);
    const index = findColumn(again.header, column, '--id', again.input.name, again.labels);
    await readSource(
      again,
      {
        record(record) {
          const id = record.text(index).trim();
          if (id === '') return;
          const earlier = kept.get(id);
          if (earlier === undefined) {
            kept.set(id, [k, record.line]);
            return;
          }
          repeated.add(id);
          if (chosen === 'error') {
            const where = earlier[0] === k ? `line ${earlier[1]}` : `${sources[earlier[0]].input.name} line ${earlier[1]}`;
            throw new InputError(`response id ${JSON.stringify(id)} (column ${JSON.stringify(column)}) is also at ${where}`, { file: again.input.name, line: record.line }, '--duplicates last or first counts it once');
          }
          if (chosen === 'first') drop[k].push(record.line);
          else {
            drop[earlier[0]].push(earlier[1]);
            kept.set(id, [k, record.line]);
          }
        },
        unreadable() {},
        excluded() {},
      },
      new IssueLog(),
    );
  }
  const dropped = drop.reduce((a, d) => a + d.length, 0);
  return { column, policy: chosen, drop, dropped, ids: repeated.size };
}

/** The warning of a scan that dropped rows (shown under the table too: it changes n). */
export function duplicateMessage(scan: Pick<DuplicateScan, 'column' | 'dropped' | 'ids'> & { policy: string }): string {
  const which = scan.policy === 'last' ? 'the last (in the order the files are given)' : 'the first';
  return `${scan.dropped} duplicate response${scan.dropped === 1 ? '' : 's'} left out: ${scan.ids} id${scan.ids === 1 ? '' : 's'} of column ${JSON.stringify(scan.column)} seen more than once, each counted once, ${which} kept (--duplicates keep counts them all)`;
}

/** Values of a column seen on more than one row, and how many rows hold them. */
export interface RepeatCount {
  column: string;
  /** distinct values seen more than once */
  values: number;
  /** rows beyond the first of each such value */
  extraRows: number;
}

/**
 * For inspect: response ids seen more than once, and persons (their email, else their id in the
 * platform) who answered more than once — one count each, from a second pass over the file. The
 * person count is what clustering by respondent (--cluster) works from. Null parts when the file
 * has no such column or cannot be read again (standard input).
 */
export async function countRepeats(source: Source, options: OpenOptions): Promise<{ ids: RepeatCount | null; persons: RepeatCount | null }> {
  const idIndex = detectIdColumn(source.header);
  const personIndex = personColumn(source.header);
  if (source.input.path === null || (idIndex === null && personIndex === null)) return { ids: null, persons: null };
  const again = await openSource(source.input.path, options);
  const counters = [idIndex, personIndex].map((index) => (index === null ? null : { index, seen: new Map<string, number>() }));
  await readSource(
    again,
    {
      record(record) {
        for (const c of counters) {
          if (!c) continue;
          const value = record.text(c.index).trim().toLowerCase();
          if (value !== '' && value !== 'anonymous') c.seen.set(value, (c.seen.get(value) ?? 0) + 1);
        }
      },
      unreadable() {},
      excluded() {},
    },
    new IssueLog(),
  );
  const result = (c: (typeof counters)[number]): RepeatCount | null => {
    if (!c) return null;
    let values = 0;
    let extraRows = 0;
    for (const n of c.seen.values()) if (n > 1) [values, extraRows] = [values + 1, extraRows + n - 1];
    return { column: source.header[c.index], values, extraRows };
  };
  return { ids: result(counters[0]), persons: result(counters[1]) };
}

/** The column that names the person who answered: an email column, else a person / user / contact id. */
function personColumn(header: string[]): number | null {
  const words = header.map((h) => h.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const email = words.findIndex((w) => w.some((x) => x === 'email' || x === 'mail' || x === 'e-mail'));
  if (email !== -1) return email;
  const person = words.findIndex((w) => w.length <= 3 && w.some((x) => ['person', 'user', 'contact', 'customer', 'respondent'].includes(x)) && w.includes('id') && !w.includes('response'));
  return person === -1 ? null : person;
}
