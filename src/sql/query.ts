/**
 * `cxm sql`: one query whose result is a tally file (model/tally-file.ts). The rows are read in
 * stages (common table expressions): text → cleaned cells and date parts → scale points, periods and
 * the kind of each answer → one GROUP BY over the rows spread across the metrics (plus a pseudo-metric
 * for the input row counts), so the table is scanned once; the meta row is a literal.
 */
import { INPUT_KINDS, PATTERN_KIND, TALLY_FORMAT, TALLY_VERSION, type TallyMeta } from '../model/tally-file.js';
import { formatWhere, whereColumns, type WhereExpr } from '../fold/where.js';
import type { Every, WeekStart } from '../time/period.js';
import type { RoleSpec } from '../fold/plan.js';
import { answerText, onScale, scoreNumber, segmentValue, trimmed } from './cells.js';
import { dateChecks, dateInstant, dateParts, localDay, periodLabel, type Columns, type SqlDateFormat } from './dates.js';
import type { Dialect } from './dialect.js';
import { cellNumber, weightKind, whereSql } from './where.js';

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

/** --since/--until without a period: a row gate on the date column (rows outside are excluded). */
export type SqlDateGate = Omit<SqlPeriod, 'every' | 'weekStart'>;

export interface SqlPlan {
  dialect: Dialect;
  /** a table name, a table function, or a query */
  from: string;
  by: string[];
  roles: RoleSpec[];
  period: SqlPeriod | null;
  /** --since/--until when there is no period */
  gate?: SqlDateGate | null;
  /** --where (all must hold) */
  where?: WhereExpr[];
  /** --weight COLUMN */
  weight?: string;
}

const INPUT = 'input';
const ROW_KINDS = [INPUT_KINDS.used, INPUT_KINDS.skipped, INPUT_KINDS.invalid, INPUT_KINDS.excluded];

/** `FROM` text: a query is wrapped in parentheses, a table (or table function) is used as it is. */
function fromItem(from: string): string {
  const text = from.trim();
  return /^(select|with|values|from)\b/i.test(text) ? `(\n${text}\n)` : text;
}

function stage(d: Dialect, name: string, columns: Columns, from: string, keep: string[] = []): string {
  const list = [...keep, ...columns.map(([n, e]) => `${e} AS ${n}`)];
  return `${name} ${d.stageAs} (\n  SELECT\n    ${list.join(',\n    ')}\n  FROM ${from}\n)`;
}

export function tallyQuery(plan: SqlPlan): string {
  const d = plan.dialect;
  const p = plan.period;
  const gate = p ? null : (plan.gate ?? null);
  const dated = p ?? gate;
  const where = plan.where ?? [];
  const weighted = plan.weight !== undefined;
  const whereCols = [...new Set(where.flatMap(whereColumns))];
  const dims = plan.by.map((name, i) => ({ name, col: `cxm_g${i}` }));
  const roles = plan.roles.map((r, i) => ({ spec: r, t: `cxm_t${i}`, n: `cxm_n${i}`, v: `cxm_v${i}`, k: `cxm_k${i}` }));
  const stages: string[] = [];

  // 1. text: trimmed, and the date column's parts; --where columns ('' for NULL) and the weight
  const text: Columns = [...dims.map((g, i): [string, string] => [g.col, trimmed(d, d.ident(plan.by[i]))]), ...roles.map((r): [string, string] => [r.t, trimmed(d, d.ident(r.spec.column))])];
  if (dated) text.push(['cxm_dt', trimmed(d, d.ident(dated.date))]);
  whereCols.forEach((c, i) => text.push([`cxm_x${i}`, `COALESCE(${trimmed(d, d.ident(c))}, '')`]));
  if (plan.weight !== undefined) text.push(['cxm_wt', trimmed(d, d.ident(plan.weight))]);
  stages.push(stage(d, 'cxm_text', text, `${fromItem(plan.from)} cxm_src`));
  const dimCols = dims.map((g) => g.col);
  const roleTexts = roles.map((r) => r.t);

  // 2. cells: segment values, answers (NULL when blank), date parts; the row gate and the weight
  const carry: string[] = [];
  const gates: Columns = [];
  if (where.length > 0) {
    const column = (name: string) => `cxm_x${whereCols.indexOf(name)}`;
    gates.push(['cxm_keep', where.map((w) => whereSql(d, w, column)).join(' AND ')]);
  }
  if (weighted) gates.push(['cxm_w', cellNumber(d, 'cxm_wt')]);
  carry.push(...gates.map(([n]) => n));
  const dateColumns = dated ? dateParts(d, 'cxm_dt', dated.format) : [];
  stages.push(
    stage(
      d,
      'cxm_cells',
      [
        ...dims.map((g): [string, string] => [g.col, segmentValue(d, g.col)]),
        ...roles.map((r): [string, string] => [r.t, answerText(d, r.t)]),
        ...dateColumns,
        ...gates,
      ],
      'cxm_text',
    ),
  );
  let previous = 'cxm_cells';
  let dateCols: string[] = [];
  if (dated) {
    const parts = dateColumns.map(([n]) => n);
    const checks = dateChecks(d, dated.format);
    const keep = [...dimCols, ...roleTexts, ...carry];
    if (checks.length) {
      stages.push(stage(d, 'cxm_date_checks', checks, previous, [...keep, ...parts]));
      previous = 'cxm_date_checks';
    }
    stages.push(stage(d, 'cxm_instant', dateInstant(d, dated.format), previous, keep));
    stages.push(stage(d, 'cxm_day', [['cxm_day', localDay(d, dated.timeZone)]], 'cxm_instant', keep));
    const outside = [dated.first ? `cxm_day < ${d.dateLiteral(dated.first)}` : null, dated.last ? `cxm_day > ${d.dateLiteral(dated.last)}` : null].filter(Boolean);
    const away = `cxm_day IS NULL${outside.map((o) => ` OR ${o}`).join('')}`;
    if (p) {
      const label = periodLabel(d, 'cxm_day', p.every, p.weekStart);
      stages.push(stage(d, 'cxm_period', [['cxm_period', `CASE WHEN ${away} THEN NULL ELSE ${label} END`]], 'cxm_day', keep));
      dateCols = ['cxm_period'];
    } else {
      stages.push(stage(d, 'cxm_gate', [['cxm_inside', `CASE WHEN ${away} THEN FALSE ELSE TRUE END`]], 'cxm_day', keep));
      carry.push('cxm_inside');
    }
    previous = p ? 'cxm_period' : 'cxm_gate';
  }

  // 3. numbers, then points on the scale and the kind of each answer; the kind of each row
  const weightKinds: Columns = weighted ? [['cxm_wk', weightKind(d, 'cxm_w')]] : [];
  stages.push(stage(d, 'cxm_numbers', [...roles.map((r): [string, string] => [r.n, scoreNumber(d, r.t, r.spec.labels)]), ...weightKinds], previous, [...dimCols, ...dateCols, ...roleTexts, ...carry]));
  carry.push(...weightKinds.map(([n]) => n));
  stages.push(stage(d, 'cxm_points', roles.map((r): [string, string] => [r.v, onScale(r.n, r.spec.scale)]), 'cxm_numbers', [...dimCols, ...dateCols, ...roleTexts, ...carry]));
  // as the enriched sink and the fold leave rows out: the filter, the dates, the weight, the period
  const away: [string, string][] = [];
  if (where.length > 0) away.push(['NOT cxm_keep', INPUT_KINDS.excluded]);
  if (gate) away.push(['NOT cxm_inside', INPUT_KINDS.excluded]);
  if (weighted) away.push(["cxm_wk = 'bad'", INPUT_KINDS.invalid], ["cxm_wk = 'zero'", INPUT_KINDS.excluded]);
  if (p) away.push(['cxm_period IS NULL', INPUT_KINDS.excluded]);
  const folded = away.length ? `NOT (${away.map(([c]) => c).join(' OR ')})` : null;
  const invalid = roles.map((r) => `(${r.t} IS NOT NULL AND ${r.v} IS NULL)`).join(' OR ');
  const answered = roles.map((r) => `${r.v} IS NOT NULL`).join(' OR ');
  const rowKind = `CASE ${away.map(([c, k]) => `WHEN ${c} THEN '${k}' `).join('')}WHEN ${invalid} THEN '${INPUT_KINDS.invalid}' WHEN ${answered} THEN '${INPUT_KINDS.used}' ELSE '${INPUT_KINDS.skipped}' END`;
  const answerKinds = roles.map((r): [string, string] => [r.k, `CASE WHEN ${r.t} IS NULL THEN 'skipped' WHEN ${r.v} IS NULL THEN 'invalid' ELSE 'answers' END`]);
  stages.push(
    stage(
      d,
      'cxm_kinds',
      [...answerKinds, ['cxm_row', rowKind], ['cxm_folded', folded ?? 'TRUE']],
      'cxm_points',
      [...dimCols, ...dateCols, ...roles.map((r) => r.v), ...(weighted ? ['cxm_w'] : [])],
    ),
  );
  // the answer pattern of a row that reached the fold (model/row-pattern.ts), e.g. 'nps:answers csat:skipped'
  const pattern = roles.map((r, i) => `'${i ? ' ' : ''}${r.spec.role}:' || ${r.k}`).join(' || ');
  stages.push(stage(d, 'cxm_scored', [['cxm_pattern', `CASE WHEN cxm_folded THEN ${pattern} END`]], 'cxm_kinds', [...dimCols, ...dateCols, ...roles.flatMap((r) => [r.v, r.k]), 'cxm_row', 'cxm_folded', ...(weighted ? ['cxm_w'] : [])]));

  // 4. one pass: every row once per metric, and once for the input counts (by kind and pattern)
  const list = d.list([...roles.map((r) => r.spec.role), INPUT]);
  const m = list.ref;
  const groups = [...dimCols, ...dateCols];
  const names = [...plan.by, ...(p ? ['period'] : [])];
  const weightType = weighted ? d.double : d.bigint;
  const select = [
    ...groups.map((g, i) => `CASE WHEN ${m} = '${INPUT}' THEN NULL ELSE ${g} END AS ${d.ident(names[i])}`),
    `CASE WHEN ${m} = '${INPUT}' THEN cxm_pattern ELSE ${m} END AS ${d.ident('metric')}`,
    `CASE ${m} ${roles.map((r) => `WHEN '${r.spec.role}' THEN ${r.v}`).join(' ')} END AS ${d.ident('point')}`,
    `COUNT(*) AS ${d.ident('count')}`,
    weighted ? `${d.sum('cxm_w')} AS ${d.ident('weight_sum')}` : `COUNT(*) AS ${d.ident('weight_sum')}`,
    weighted ? `${d.sum('cxm_w * cxm_w')} AS ${d.ident('weight_sq_sum')}` : `COUNT(*) AS ${d.ident('weight_sq_sum')}`,
    `CASE ${m} ${roles.map((r) => `WHEN '${r.spec.role}' THEN ${r.k}`).join(' ')} ELSE cxm_row END AS ${d.ident('kind')}`,
    `CAST(NULL AS ${d.text}) AS ${d.ident('meta')}`,
  ];
  const positions = [...groups.map((_, i) => i + 1), groups.length + 1, groups.length + 2, groups.length + 6];
  stages.push(`cxm_counted AS (\nSELECT\n  ${select.join(',\n  ')}\nFROM cxm_scored CROSS JOIN ${list.from}\nWHERE ${m} = '${INPUT}' OR cxm_folded\nGROUP BY ${positions.join(', ')}\n)`);

  const nulls = names.map((n) => `CAST(NULL AS ${d.text}) AS ${d.ident(n)}`);
  const kind = d.ident('kind');
  const rowKinds = ROW_KINDS.map((k) => `'${k}'`).join(', ');
  const answerRows = `SELECT * FROM cxm_counted WHERE ${kind} IN ('answers', 'skipped', 'invalid')`;
  const patternRows = `SELECT\n  ${[...nulls, d.ident('metric'), d.ident('point'), d.ident('count'), `CAST(NULL AS ${weightType})`, `CAST(NULL AS ${weightType})`, `'${PATTERN_KIND}'`, d.ident('meta')].join(',\n  ')}\nFROM cxm_counted\nWHERE ${kind} IN (${rowKinds}) AND ${d.ident('metric')} IS NOT NULL`;
  const inputRows = `SELECT\n  ${[...nulls, `CAST(NULL AS ${d.text})`, `CAST(NULL AS ${d.int})`, `SUM(${d.ident('count')})`, `CAST(NULL AS ${weightType})`, `CAST(NULL AS ${weightType})`, kind, `CAST(NULL AS ${d.text})`].join(',\n  ')}\nFROM cxm_counted\nWHERE ${kind} IN (${rowKinds})\nGROUP BY ${kind}`;
  const metaRow = `SELECT\n  ${[
    ...nulls,
    `CAST(NULL AS ${d.text})`,
    `CAST(NULL AS ${d.int})`,
    `CAST(NULL AS ${d.bigint})`,
    `CAST(NULL AS ${weightType})`,
    `CAST(NULL AS ${weightType})`,
    `'meta'`,
    d.str(JSON.stringify(sqlMeta(plan, names))),
  ].join(',\n  ')}`;
  const note = p && d.note ? d.note(p.timeZone) : null;
  return `${note ? `${note}\n` : ''}WITH\n${stages.join(',\n')}\n${[answerRows, patternRows, inputRows, metaRow].join('\nUNION ALL\n')}\n`;
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
    ...(plan.weight !== undefined ? { weight: plan.weight } : {}),
    ...(plan.where?.length ? { where: plan.where.map(formatWhere) } : {}),
    ...(plan.gate && !p ? { dates: { column: plan.gate.date, since: plan.gate.since, until: plan.gate.until } } : {}),
  };
}
