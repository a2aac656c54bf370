/**
 * `cxm sql`: one query whose result is a tally file (model/tally-file.ts). The rows are read in
 * stages (common table expressions): text → cleaned cells and date parts → scale points, periods and
 * the kind of each answer → one GROUP BY over the rows spread across the metrics (plus a pseudo-metric
 * for the input row counts), so the table is scanned once; the meta row is a literal.
 */
import { TALLY_FORMAT, TALLY_VERSION, type TallyMeta } from '../model/tally-file.js';
import type { Every, WeekStart } from '../analysis/period.js';
import type { RoleSpec } from '../analysis/plan.js';
import { answerText, onScale, scoreNumber, segmentValue, trimmed } from './cells.js';
import { dateChecks, dateInstant, dateParts, localDay, periodLabel, type Columns, type SqlDateFormat } from './dates.js';
import type { Dialect } from './dialect.js';

export interface SqlPeriod {
  every: Every;
  weekStart: WeekStart;
  timeZone: string;
  date: string;
  format: SqlDateFormat;
  since: string | null;
  until: string | null;
  /** --since/--until as YYYY-MM-DD */
  first: string | null;
  last: string | null;
}

export interface SqlPlan {
  dialect: Dialect;
  /** a table name, a table function, or a query */
  from: string;
  by: string[];
  roles: RoleSpec[];
  period: SqlPeriod | null;
}

const INPUT = 'input';

/** `FROM` text: a query is wrapped in parentheses, a table (or table function) is used as it is. */
function fromItem(from: string): string {
  const text = from.trim();
  return /^(select|with|values|from)\b/i.test(text) ? `(\n${text}\n)` : text;
}

function stage(name: string, columns: Columns, from: string, keep: string[] = []): string {
  const list = [...keep, ...columns.map(([n, e]) => `${e} AS ${n}`)];
  return `${name} AS (\n  SELECT\n    ${list.join(',\n    ')}\n  FROM ${from}\n)`;
}

export function tallyQuery(plan: SqlPlan): string {
  const d = plan.dialect;
  const p = plan.period;
  const dims = plan.by.map((name, i) => ({ name, col: `cxm_g${i}` }));
  const roles = plan.roles.map((r, i) => ({ spec: r, t: `cxm_t${i}`, n: `cxm_n${i}`, v: `cxm_v${i}`, k: `cxm_k${i}` }));
  const stages: string[] = [];

  // 1. text: trimmed, and the date column's parts
  const text: Columns = [...dims.map((g, i): [string, string] => [g.col, trimmed(d, d.ident(plan.by[i]))]), ...roles.map((r): [string, string] => [r.t, trimmed(d, d.ident(r.spec.column))])];
  if (p) text.push(['cxm_dt', trimmed(d, d.ident(p.date))]);
  stages.push(stage('cxm_text', text, `${fromItem(plan.from)} cxm_src`));
  const dimCols = dims.map((g) => g.col);
  const roleTexts = roles.map((r) => r.t);

  // 2. cells: segment values, answers (NULL when blank), date parts
  stages.push(
    stage(
      'cxm_cells',
      [
        ...dims.map((g): [string, string] => [g.col, segmentValue(d, g.col)]),
        ...roles.map((r): [string, string] => [r.t, answerText(d, r.t)]),
        ...(p ? dateParts(d, 'cxm_dt', p.format) : []),
      ],
      'cxm_text',
    ),
  );
  let previous = 'cxm_cells';
  let dateCols: string[] = [];
  if (p) {
    const parts = dateParts(d, 'cxm_dt', p.format).map(([n]) => n);
    const checks = dateChecks(d, p.format);
    if (checks.length) {
      stages.push(stage('cxm_date_checks', checks, previous, [...dimCols, ...roleTexts, ...parts]));
      previous = 'cxm_date_checks';
    }
    stages.push(stage('cxm_instant', dateInstant(d, p.format), previous, [...dimCols, ...roleTexts]));
    stages.push(stage('cxm_day', [['cxm_day', localDay(d, p.timeZone)]], 'cxm_instant', [...dimCols, ...roleTexts]));
    const outside = [p.first ? `cxm_day < ${d.dateLiteral(p.first)}` : null, p.last ? `cxm_day > ${d.dateLiteral(p.last)}` : null].filter(Boolean);
    const label = periodLabel(d, 'cxm_day', p.every, p.weekStart);
    stages.push(stage('cxm_period', [['cxm_period', `CASE WHEN cxm_day IS NULL${outside.map((o) => ` OR ${o}`).join('')} THEN NULL ELSE ${label} END`]], 'cxm_day', [...dimCols, ...roleTexts]));
    previous = 'cxm_period';
    dateCols = ['cxm_period'];
  }

  // 3. numbers, then points on the scale and the kind of each answer; the kind of each row
  stages.push(stage('cxm_numbers', roles.map((r): [string, string] => [r.n, scoreNumber(d, r.t, r.spec.labels)]), previous, [...dimCols, ...dateCols, ...roleTexts]));
  stages.push(stage('cxm_points', roles.map((r): [string, string] => [r.v, onScale(r.n, r.spec.scale)]), 'cxm_numbers', [...dimCols, ...dateCols, ...roleTexts]));
  const invalid = roles.map((r) => `(${r.t} IS NOT NULL AND ${r.v} IS NULL)`).join(' OR ');
  const answered = roles.map((r) => `${r.v} IS NOT NULL`).join(' OR ');
  const rowKind = `CASE ${p ? "WHEN cxm_period IS NULL THEN 'input-excluded' " : ''}WHEN ${invalid} THEN 'input-invalid' WHEN ${answered} THEN 'input-used' ELSE 'input-skipped' END`;
  stages.push(
    stage(
      'cxm_scored',
      [...roles.map((r): [string, string] => [r.k, `CASE WHEN ${r.t} IS NULL THEN 'skipped' WHEN ${r.v} IS NULL THEN 'invalid' ELSE 'answers' END`]), ['cxm_row', rowKind]],
      'cxm_points',
      [...dimCols, ...dateCols, ...roles.map((r) => r.v)],
    ),
  );

  // 4. one pass: every row once per metric, and once for the input counts
  const list = d.list([...roles.map((r) => r.spec.role), INPUT]);
  const m = list.ref;
  const groups = [...dimCols, ...dateCols];
  const names = [...plan.by, ...(p ? ['period'] : [])];
  const select = [
    ...groups.map((g, i) => `CASE WHEN ${m} = '${INPUT}' THEN NULL ELSE ${g} END AS ${d.ident(names[i])}`),
    `CASE WHEN ${m} = '${INPUT}' THEN NULL ELSE ${m} END AS ${d.ident('metric')}`,
    `CASE ${m} ${roles.map((r) => `WHEN '${r.spec.role}' THEN ${r.v}`).join(' ')} END AS ${d.ident('point')}`,
    `COUNT(*) AS ${d.ident('count')}`,
    `COUNT(*) AS ${d.ident('weight_sum')}`,
    `COUNT(*) AS ${d.ident('weight_sq_sum')}`,
    `CASE ${m} ${roles.map((r) => `WHEN '${r.spec.role}' THEN ${r.k}`).join(' ')} ELSE cxm_row END AS ${d.ident('kind')}`,
    `CAST(NULL AS ${d.text}) AS ${d.ident('meta')}`,
  ];
  const positions = [...groups.map((_, i) => i + 1), groups.length + 1, groups.length + 2, groups.length + 6];
  const counted = `SELECT\n  ${select.join(',\n  ')}\nFROM cxm_scored CROSS JOIN ${list.from}${p ? `\nWHERE ${m} = '${INPUT}' OR cxm_period IS NOT NULL` : ''}\nGROUP BY ${positions.join(', ')}`;
  const metaRow = `SELECT\n  ${[
    ...names.map((n) => `CAST(NULL AS ${d.text}) AS ${d.ident(n)}`),
    `CAST(NULL AS ${d.text})`,
    `CAST(NULL AS ${d.int})`,
    `CAST(NULL AS ${d.bigint})`,
    `CAST(NULL AS ${d.bigint})`,
    `CAST(NULL AS ${d.bigint})`,
    `'meta'`,
    d.str(JSON.stringify(sqlMeta(plan, names))),
  ].join(',\n  ')}`;
  const note = p && d.note ? d.note(p.timeZone) : null;
  return `${note ? `${note}\n` : ''}WITH\n${stages.join(',\n')}\n${counted}\nUNION ALL\n${metaRow}\n`;
}

function sqlMeta(plan: SqlPlan, dimensions: string[]): TallyMeta {
  const p = plan.period;
  return {
    format: TALLY_FORMAT,
    version: TALLY_VERSION,
    dimensions,
    roles: plan.roles.map((r) => ({ metric: r.role, column: r.column, scale: r.scale, band: r.band, via: r.via })),
    period: p ? { every: p.every, weekStart: p.weekStart, timeZone: p.timeZone, date: p.date, formats: [p.format], since: p.since, until: p.until } : null,
    sources: [{ file: plan.from.trim(), layout: 'generic', layoutEvidence: '', headerRows: 1, dataLine: 2, notes: [] }],
  };
}
