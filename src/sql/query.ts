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

/** Names of the columns the stages pass along, spelled out so the generated SQL reads on its own. */
const COLUMN = {
  segment: (i: number) => `cxm_segment_${i}`,
  /** the answer's text: trimmed, then NULL when blank */
  answer: (i: number) => `cxm_answer_${i}`,
  number: (i: number) => `cxm_number_${i}`,
  /** the number when it is on the scale */
  point: (i: number) => `cxm_point_${i}`,
  /** 'answers', 'skipped' or 'invalid' */
  answerKind: (i: number) => `cxm_answer_kind_${i}`,
  /** the text of a column --where reads ('' for NULL) */
  filter: (i: number) => `cxm_filter_${i}`,
  dateText: 'cxm_date_text',
  weightText: 'cxm_weight_text',
  weight: 'cxm_weight',
  /** 'ok', 'zero' or 'bad' */
  weightKind: 'cxm_weight_kind',
  /** --where holds */
  kept: 'cxm_kept',
  day: 'cxm_day',
  period: 'cxm_period',
  /** --since/--until hold (a date gate without a period) */
  inside: 'cxm_inside',
  /** what the row counts as in the input counts: input-used, -skipped, -invalid, -excluded */
  rowKind: 'cxm_row_kind',
  /** the row reaches the fold (not left out by --where, the dates, the weight or the period) */
  folded: 'cxm_folded',
  /** the answer pattern of a folded row (model/row-pattern.ts), e.g. 'nps:answers csat:skipped' */
  pattern: 'cxm_pattern',
} as const;

/** `FROM` text: a query is wrapped in parentheses, a table (or table function) is used as it is. */
function fromItem(from: string): string {
  const text = from.trim();
  return /^(select|with|values|from)\b/i.test(text) ? `(\n${text}\n)` : text;
}

function stage(d: Dialect, name: string, columns: Columns, from: string, keep: string[] = []): string {
  const list = [...keep, ...columns.map(([n, e]) => `${e} AS ${n}`)];
  return `${name} ${d.stageAs} (\n  SELECT\n    ${list.join(',\n    ')}\n  FROM ${from}\n)`;
}

const selectList = (cells: string[]) => `SELECT\n  ${cells.join(',\n  ')}`;

/** The plan read once for every stage: which columns exist and what is carried. */
interface Query {
  d: Dialect;
  plan: SqlPlan;
  period: SqlPeriod | null;
  /** --since/--until without a period */
  gate: SqlDateGate | null;
  /** the date column is read (a period or a gate) */
  dated: SqlDateGate | null;
  where: WhereExpr[];
  weighted: boolean;
  /** the columns --where reads, each once */
  filters: string[];
  segments: string[];
  roles: { spec: RoleSpec; answer: string; number: string; point: string; kind: string }[];
  answers: string[];
  /** the output's group columns in the stages, and their names: --by, then the period */
  groups: string[];
  names: string[];
}

function readPlan(plan: SqlPlan): Query {
  const period = plan.period;
  const gate = period ? null : (plan.gate ?? null);
  const where = plan.where ?? [];
  const segments = plan.by.map((_, i) => COLUMN.segment(i));
  const roles = plan.roles.map((spec, i) => ({ spec, answer: COLUMN.answer(i), number: COLUMN.number(i), point: COLUMN.point(i), kind: COLUMN.answerKind(i) }));
  return {
    d: plan.dialect,
    plan,
    period,
    gate,
    dated: period ?? gate,
    where,
    weighted: plan.weight !== undefined,
    filters: [...new Set(where.flatMap(whereColumns))],
    segments,
    roles,
    answers: roles.map((r) => r.answer),
    groups: [...segments, ...(period ? [COLUMN.period] : [])],
    names: [...plan.by, ...(period ? ['period'] : [])],
  };
}

/** Stage 1, the text: every column read, trimmed; the --where columns ('' for NULL). */
function textStage(q: Query): string {
  const { d, plan } = q;
  const text: Columns = [
    ...plan.by.map((name, i): [string, string] => [q.segments[i], trimmed(d, d.ident(name))]),
    ...q.roles.map((r): [string, string] => [r.answer, trimmed(d, d.ident(r.spec.column))]),
  ];
  if (q.dated) text.push([COLUMN.dateText, trimmed(d, d.ident(q.dated.date))]);
  q.filters.forEach((c, i) => text.push([COLUMN.filter(i), `COALESCE(${trimmed(d, d.ident(c))}, '')`]));
  if (plan.weight !== undefined) text.push([COLUMN.weightText, trimmed(d, d.ident(plan.weight))]);
  return stage(d, 'cxm_text', text, `${fromItem(plan.from)} cxm_src`);
}

/**
 * Stage 2, the cells: segment values, answers (NULL when blank), the date's parts; whether --where
 * holds and the weight, which later stages carry.
 */
function cellStage(q: Query, parts: Columns): { sql: string; carry: string[] } {
  const { d } = q;
  const gates: Columns = [];
  if (q.where.length > 0) {
    const column = (name: string) => COLUMN.filter(q.filters.indexOf(name));
    gates.push([COLUMN.kept, q.where.map((w) => whereSql(d, w, column)).join(' AND ')]);
  }
  if (q.weighted) gates.push([COLUMN.weight, cellNumber(d, COLUMN.weightText)]);
  const cells: Columns = [
    ...q.segments.map((g): [string, string] => [g, segmentValue(d, g)]),
    ...q.roles.map((r): [string, string] => [r.answer, answerText(d, r.answer)]),
    ...parts,
    ...gates,
  ];
  return { sql: stage(d, 'cxm_cells', cells, 'cxm_text'), carry: gates.map(([n]) => n) };
}

/**
 * The date stages, from the date's parts: checks, the instant, the day in --tz, then the period label
 * (NULL outside --since/--until) or, without a period, whether the day is inside the gate.
 */
function dateStages(q: Query, dated: SqlDateGate, parts: string[], carry: string[]): { sql: string[]; last: string; carry: string[] } {
  const { d, period } = q;
  const sql: string[] = [];
  const keep = [...q.segments, ...q.answers, ...carry];
  let previous = 'cxm_cells';
  const checks = dateChecks(d, dated.format);
  if (checks.length) {
    sql.push(stage(d, 'cxm_date_checks', checks, previous, [...keep, ...parts]));
    previous = 'cxm_date_checks';
  }
  sql.push(stage(d, 'cxm_instant', dateInstant(d, dated.format), previous, keep));
  sql.push(stage(d, 'cxm_day', [[COLUMN.day, localDay(d, dated.timeZone)]], 'cxm_instant', keep));
  const outside = [dated.first ? `${COLUMN.day} < ${d.dateLiteral(dated.first)}` : null, dated.last ? `${COLUMN.day} > ${d.dateLiteral(dated.last)}` : null];
  const away = [`${COLUMN.day} IS NULL`, ...outside.filter(Boolean)].join(' OR ');
  if (period) {
    const label = periodLabel(d, COLUMN.day, period.every, period.weekStart);
    sql.push(stage(d, 'cxm_period', [[COLUMN.period, `CASE WHEN ${away} THEN NULL ELSE ${label} END`]], 'cxm_day', keep));
    return { sql, last: 'cxm_period', carry };
  }
  sql.push(stage(d, 'cxm_gate', [[COLUMN.inside, `CASE WHEN ${away} THEN FALSE ELSE TRUE END`]], 'cxm_day', keep));
  return { sql, last: 'cxm_gate', carry: [...carry, COLUMN.inside] };
}

/** Stage 3, the points: each answer's number, then the number when on the scale; the weight's kind. */
function pointStages(q: Query, from: string, carry: string[]): string[] {
  const { d } = q;
  const weightKinds: Columns = q.weighted ? [[COLUMN.weightKind, weightKind(d, COLUMN.weight)]] : [];
  const numbers: Columns = [...q.roles.map((r): [string, string] => [r.number, scoreNumber(d, r.answer, r.spec.labels)]), ...weightKinds];
  const numbersStage = stage(d, 'cxm_numbers', numbers, from, [...q.groups, ...q.answers, ...carry]);
  const withKind = [...carry, ...weightKinds.map(([n]) => n)];
  const points = q.roles.map((r): [string, string] => [r.point, onScale(r.number, r.spec.scale)]);
  return [numbersStage, stage(d, 'cxm_points', points, 'cxm_numbers', [...q.groups, ...q.answers, ...withKind])];
}

/**
 * Stage 4, the kinds: of each answer (answers, skipped, invalid) and of each row for the input counts,
 * leaving rows out as the enriched sink and the fold do (the filter, the dates, the weight, the
 * period); then each folded row's answer pattern.
 */
function kindStages(q: Query): string[] {
  const { d, roles } = q;
  const away: [when: string, kind: string][] = [];
  if (q.where.length > 0) away.push([`NOT ${COLUMN.kept}`, INPUT_KINDS.excluded]);
  if (q.gate) away.push([`NOT ${COLUMN.inside}`, INPUT_KINDS.excluded]);
  if (q.weighted) away.push([`${COLUMN.weightKind} = 'bad'`, INPUT_KINDS.invalid], [`${COLUMN.weightKind} = 'zero'`, INPUT_KINDS.excluded]);
  if (q.period) away.push([`${COLUMN.period} IS NULL`, INPUT_KINDS.excluded]);
  const folded = away.length ? `NOT (${away.map(([when]) => when).join(' OR ')})` : 'TRUE';
  const invalid = roles.map((r) => `(${r.answer} IS NOT NULL AND ${r.point} IS NULL)`).join(' OR ');
  const answered = roles.map((r) => `${r.point} IS NOT NULL`).join(' OR ');
  const rowKind = [
    'CASE ',
    ...away.map(([when, kind]) => `WHEN ${when} THEN '${kind}' `),
    `WHEN ${invalid} THEN '${INPUT_KINDS.invalid}' `,
    `WHEN ${answered} THEN '${INPUT_KINDS.used}' `,
    `ELSE '${INPUT_KINDS.skipped}' END`,
  ].join('');
  const answerKinds = roles.map((r): [string, string] => [r.kind, `CASE WHEN ${r.answer} IS NULL THEN 'skipped' WHEN ${r.point} IS NULL THEN 'invalid' ELSE 'answers' END`]);
  const weight = q.weighted ? [COLUMN.weight] : [];
  const kinds = stage(d, 'cxm_kinds', [...answerKinds, [COLUMN.rowKind, rowKind], [COLUMN.folded, folded]], 'cxm_points', [...q.groups, ...roles.map((r) => r.point), ...weight]);
  const pattern = roles.map((r, i) => `'${i ? ' ' : ''}${r.spec.role}:' || ${r.kind}`).join(' || ');
  const carried = [...q.groups, ...roles.flatMap((r) => [r.point, r.kind]), COLUMN.rowKind, COLUMN.folded, ...weight];
  return [kinds, stage(d, 'cxm_scored', [[COLUMN.pattern, `CASE WHEN ${COLUMN.folded} THEN ${pattern} END`]], 'cxm_kinds', carried)];
}

/**
 * Stage 5, the count: one pass over the rows, each once per metric (the folded ones) and once for the
 * input counts (by row kind and answer pattern), grouped into tally-file rows.
 */
function countStage(q: Query): string {
  const { d, roles } = q;
  const list = d.list([...roles.map((r) => r.spec.role), INPUT]);
  const metric = list.ref;
  const byMetric = (column: (r: Query['roles'][number]) => string) => roles.map((r) => `WHEN '${r.spec.role}' THEN ${column(r)}`).join(' ');
  const sums = q.weighted ? [d.sum(COLUMN.weight), d.sum(`${COLUMN.weight} * ${COLUMN.weight}`)] : ['COUNT(*)', 'COUNT(*)'];
  const select = [
    ...q.groups.map((g, i) => `CASE WHEN ${metric} = '${INPUT}' THEN NULL ELSE ${g} END AS ${d.ident(q.names[i])}`),
    `CASE WHEN ${metric} = '${INPUT}' THEN ${COLUMN.pattern} ELSE ${metric} END AS ${d.ident('metric')}`,
    `CASE ${metric} ${byMetric((r) => r.point)} END AS ${d.ident('point')}`,
    `COUNT(*) AS ${d.ident('count')}`,
    `${sums[0]} AS ${d.ident('weight_sum')}`,
    `${sums[1]} AS ${d.ident('weight_sq_sum')}`,
    `CASE ${metric} ${byMetric((r) => r.kind)} ELSE ${COLUMN.rowKind} END AS ${d.ident('kind')}`,
    `CAST(NULL AS ${d.text}) AS ${d.ident('meta')}`,
  ];
  // by position: the groups, metric, point and kind
  const groupBy = [...q.groups.map((_, i) => i + 1), q.groups.length + 1, q.groups.length + 2, q.groups.length + 6];
  const where = `${metric} = '${INPUT}' OR ${COLUMN.folded}`;
  return `cxm_counted AS (\n${selectList(select)}\nFROM cxm_scored CROSS JOIN ${list.from}\nWHERE ${where}\nGROUP BY ${groupBy.join(', ')}\n)`;
}

/** The tally file's rows: the answers, the answer patterns, the input counts, and the meta row. */
function outputRows(q: Query): string[] {
  const { d } = q;
  const nullGroups = q.names.map((n) => `CAST(NULL AS ${d.text}) AS ${d.ident(n)}`);
  const nullWeights = Array(2).fill(`CAST(NULL AS ${q.weighted ? d.double : d.bigint})`);
  const kind = d.ident('kind');
  const rowKinds = ROW_KINDS.map((k) => `'${k}'`).join(', ');
  const answers = `SELECT * FROM cxm_counted WHERE ${kind} IN ('answers', 'skipped', 'invalid')`;
  const patterns = [
    selectList([...nullGroups, d.ident('metric'), d.ident('point'), d.ident('count'), ...nullWeights, `'${PATTERN_KIND}'`, d.ident('meta')]),
    'FROM cxm_counted',
    `WHERE ${kind} IN (${rowKinds}) AND ${d.ident('metric')} IS NOT NULL`,
  ].join('\n');
  const inputs = [
    selectList([...nullGroups, `CAST(NULL AS ${d.text})`, `CAST(NULL AS ${d.int})`, `SUM(${d.ident('count')})`, ...nullWeights, kind, `CAST(NULL AS ${d.text})`]),
    'FROM cxm_counted',
    `WHERE ${kind} IN (${rowKinds})`,
    `GROUP BY ${kind}`,
  ].join('\n');
  const meta = selectList([
    ...nullGroups,
    `CAST(NULL AS ${d.text})`,
    `CAST(NULL AS ${d.int})`,
    `CAST(NULL AS ${d.bigint})`,
    ...nullWeights,
    `'meta'`,
    d.str(JSON.stringify(sqlMeta(q.plan, q.names))),
  ]);
  return [answers, patterns, inputs, meta];
}

/** The query, stage by stage: text → cells → dates → points → kinds → one count → the tally rows. */
export function tallyQuery(plan: SqlPlan): string {
  const q = readPlan(plan);
  const parts = q.dated ? dateParts(q.d, COLUMN.dateText, q.dated.format) : [];
  const cells = cellStage(q, parts);
  const stages = [textStage(q), cells.sql];
  let last = 'cxm_cells';
  let carry = cells.carry;
  if (q.dated) {
    const dates = dateStages(q, q.dated, parts.map(([n]) => n), carry);
    stages.push(...dates.sql);
    last = dates.last;
    carry = dates.carry;
  }
  stages.push(...pointStages(q, last, carry), ...kindStages(q), countStage(q));
  const note = q.period && q.d.note ? q.d.note(q.period.timeZone) : null;
  return `${note ? `${note}\n` : ''}WITH\n${stages.join(',\n')}\n${outputRows(q).join('\nUNION ALL\n')}\n`;
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
