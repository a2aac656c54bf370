/**
 * `cxm crosstab`: a matrix of one metric over two segment columns (--rows A --cols B), with the totals
 * of each row and column and the grand total. Every cell — including combinations nobody answered in,
 * shown with n = 0 — is tested against all respondents outside it (total minus cell, as score's
 * vsRest), and the p-values are adjusted across the cells of the matrix. Margins are not tested: they
 * are what `cxm score --by A` shows, with its own family.
 */
import { dataRecord } from '../model/data-record.js';
import type { Metric } from '../model/metrics.js';
import { tallyN, type Tally } from '../model/tally.js';
import { compareTallies, estimateFields, isLowBase, type EstimateFields } from './estimate.js';
import type { Loaded } from '../fold/load.js';
import { groupKeyComparator } from './natural-order.js';
import { specOf, type RoleSpec } from '../fold/plan.js';
import { enrichSettings, inputSummary, loadedWarnings, roleColumns, statSettings, type EnrichSettings, type InputSummary, type StatSettingsJson, type Warning, resultEnvelope, zeroSeWarnings } from './result.js';
import { markFamily, roleIndex, withFamily, type ScoreSettings, type VsRest } from './score.js';

export interface CrosstabSettings extends ScoreSettings {
  /** blank the estimates of cells under --min-n instead of showing them dimmed */
  suppressLow: boolean;
}

export interface CrosstabRow extends Omit<EstimateFields, 'value' | 'lower' | 'upper' | 'counts'> {
  metric: Metric;
  /** {A, B} for a cell, {A} or {B} for a margin, {} for the total */
  group: Record<string, string>;
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** null when suppressed */
  counts: Record<string, number> | null;
  /** cells only */
  vsRest?: VsRest;
  /** --suppress-low: the estimate of this low-base row is not shown */
  suppressed: boolean;
}

export interface CrosstabResult {
  cxm: 1;
  command: 'crosstab';
  input: InputSummary;
  settings: StatSettingsJson & EnrichSettings & {
    rows: string;
    cols: string;
    suppressLow: boolean;
    columns: Record<string, string>;
    /** row and column values in display order */
    rowValues: string[];
    colValues: string[];
  };
  rows: CrosstabRow[];
  warnings: Warning[];
}

/** Distinct values of one dimension in display order (configured order, then natural order). */
function ordered(values: Iterable<string>, dimension: string, order: Record<string, string[]>): string[] {
  const compare = groupKeyComparator([dimension], order);
  return [...new Set(values)].sort((x, y) => compare([x], [y]));
}

function row(metric: Metric, given: Record<string, string>, t: Tally, spec: RoleSpec, s: CrosstabSettings): CrosstabRow {
  const group = Object.assign(dataRecord<string>(), given); // looked up by the other dimension's name too
  const f = estimateFields(metric, t, spec, s, s.minN);
  const suppressed = s.suppressLow && f.lowBase;
  if (!suppressed) return { metric, group, ...f, suppressed };
  return { metric, group, ...f, value: null, lower: null, upper: null, counts: null, suppressed };
}

export function crosstabResult(loaded: Loaded, s: CrosstabSettings): CrosstabResult {
  // --adjust-across all: the metrics' matrices are one family, adjusted once they are all built
  if (s.adjustAcross === 'all' && !s.pool) return withFamily(s, (t) => crosstabResult(loaded, { ...s, ...t }));
  const { fold, marginals, roles, metrics } = loaded;
  const [a, b] = fold.dimensions;
  const cells = marginals.groups([0, 1]);
  const rowValues = ordered(cells.map((g) => g.key[0]), a, s.segmentOrder);
  const colValues = ordered(cells.map((g) => g.key[1]), b, s.segmentOrder);
  const total = marginals.total();
  const rows: CrosstabRow[] = [];
  for (const metric of metrics) {
    const spec = specOf(roles, metric);
    const r = roleIndex(loaded, spec);
    rows.push(row(metric, {}, total[r], spec, s));
    for (const v of rowValues) rows.push(row(metric, { [a]: v }, marginals.group([0], [v])[r], spec, s));
    for (const v of colValues) rows.push(row(metric, { [b]: v }, marginals.group([1], [v])[r], spec, s));
    const tested: { row: CrosstabRow; inFamily: boolean }[] = [];
    for (const x of rowValues) {
      for (const y of colValues) {
        const t: Tally = marginals.group([0, 1], [x, y])[r];
        const cell = row(metric, { [a]: x, [b]: y }, t, spec, s);
        const rest = marginals.rest([0, 1], [x, y])[r];
        const d = compareTallies(metric, t, rest, spec, s);
        const restLowBase = isLowBase(rest, s, s.minN);
        const inFamily = !cell.lowBase && !restLowBase && tallyN(rest) > 0 && d.p !== null;
        if (!cell.suppressed) cell.vsRest = { diff: d.diff, lower: d.lower, upper: d.upper, p: d.p, pAdjusted: null, significant: false, restLowBase };
        tested.push({ row: cell, inFamily });
      }
    }
    markFamily(tested.map((c) => ({ test: c.row.vsRest, inFamily: c.inFamily })), s.adjust, s.level, s.pool);
    for (const c of tested) rows.push(c.row);
  }
  return resultEnvelope('crosstab', {
    input: inputSummary(loaded.sources, fold.counts),
    settings: { ...statSettings(metrics, s), rows: a, cols: b, suppressLow: s.suppressLow, columns: roleColumns(roles), rowValues, colValues, ...enrichSettings(loaded, s) },
    rows,
    warnings: [...loadedWarnings(loaded, [[0, 1]]), ...zeroSeWarnings(rows.map((r) => r.vsRest))],
  });
}
