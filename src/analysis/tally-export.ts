/**
 * `--emit tallies`: a loaded data set as tally-file rows (model/tally-file.ts) — the meta row, the input
 * row counts, then for every group (in natural order) and metric its answers per point, its skipped and
 * its invalid answers. Points nobody chose are left out, as a warehouse's GROUP BY leaves them out.
 */
import { INPUT_KINDS, isReservedColumn, PATTERN_KIND, TALLY_COLUMNS, TALLY_FORMAT, TALLY_VERSION, TALLY_VERSION_WITHOUT_PATTERNS, type TallyMeta, type TallyPeriod } from '../model/tally-file.js';
import { patternText } from '../model/row-pattern.js';
import { UsageError } from '../model/errors.js';
import type { Loaded } from '../fold/load.js';
import { groupKeyComparator } from './natural-order.js';

export type TallyCell = string | number | null;

export interface TallyTable {
  columns: string[];
  rows: TallyCell[][];
}

export function tallyMeta(loaded: Loaded, period: TallyPeriod | null): TallyMeta {
  const { fold } = loaded;
  // tallies merge by addition: per-entity roll-ups and a response counted under each of its tags do not
  if (loaded.enrich.per) throw new UsageError('--emit tallies cannot write --per roll-ups: an account split between tally files would be rolled up twice', 'emit the responses\' tallies and score them per response, or score --per from the responses');
  if (loaded.enrich.tags && fold.dimensions.includes('tag')) throw new UsageError('--emit tallies cannot count --by tag: a response with two tags would be added twice', 'emit tallies without --by tag');
  for (const d of fold.dimensions) {
    if (isReservedColumn(d)) throw new UsageError(`--by ${JSON.stringify(d)}: a tally file's own columns are ${TALLY_COLUMNS.join(', ')}; a group column cannot be called that`, 'rename the column in the export');
  }
  return {
    format: TALLY_FORMAT,
    // tallies merged from files counted before patterns existed have none: they are written as those were
    version: fold.patterns ? TALLY_VERSION : TALLY_VERSION_WITHOUT_PATTERNS,
    dimensions: fold.dimensions,
    roles: fold.roles.map((r) => {
      const spec = loaded.roles.find((s) => s.role === r.role)!;
      return { metric: r.role, column: r.column, scale: r.scale, band: spec.band, via: spec.via, ...(spec.question !== undefined ? { question: spec.question } : {}) };
    }),
    period,
    sources: loaded.sources.map((s) => ({
      file: s.input.name,
      layout: s.layout,
      layoutEvidence: s.layoutEvidence,
      headerRows: s.headerRows,
      dataLine: s.dataLine,
      notes: s.notes,
      ...(s.rules.notAnswered ? { notAnswered: s.rules.notAnswered.what } : {}),
    })),
    issues: fold.issues,
    ...(loaded.enrich.weight ? { weight: loaded.enrich.weight.column } : {}),
    ...(loaded.enrich.where ? { where: loaded.enrich.where } : {}),
    ...(loaded.enrich.dates ? { dates: loaded.enrich.dates } : {}),
  };
}

export function tallyTable(loaded: Loaded, period: TallyPeriod | null): TallyTable {
  const meta = tallyMeta(loaded, period);
  const { fold } = loaded;
  const dims = fold.dimensions;
  const blank = dims.map(() => null);
  const rows: TallyCell[][] = [[...blank, null, null, null, null, null, 'meta', JSON.stringify(meta)]];
  for (const [field, kind] of Object.entries(INPUT_KINDS)) {
    rows.push([...blank, null, null, fold.counts[field as keyof typeof INPUT_KINDS], null, null, kind, null]);
  }
  const metrics = fold.roles.map((r) => r.role);
  fold.patterns?.forEach((count, pattern) => {
    if (count > 0) rows.push([...blank, patternText(pattern, metrics), null, count, null, null, PATTERN_KIND, null]);
  });
  const compare = groupKeyComparator(dims);
  const groups = [...fold.groups].sort((a, b) => compare(a.key, b.key));
  for (const group of groups) {
    fold.roles.forEach((role, r) => {
      const t = group.tallies[r];
      t.count.forEach((count, i) => {
        if (count > 0) rows.push([...group.key, role.role, t.lo + i, count, t.weightSum[i], t.weightSqSum[i], 'answers', null]);
      });
      if (t.skipped > 0) rows.push([...group.key, role.role, null, t.skipped, null, null, 'skipped', null]);
      if (t.invalid > 0) rows.push([...group.key, role.role, null, t.invalid, null, null, 'invalid', null]);
    });
  }
  return { columns: [...dims, ...TALLY_COLUMNS], rows };
}
