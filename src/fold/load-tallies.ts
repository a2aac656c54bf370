/**
 * `--tallies`: what `load()` gives, from tally files instead of responses. The files are read
 * (io/read-tallies.ts), checked to agree (same metrics, columns, scales, period settings), merged by
 * addition, and summed over the group columns the command does not ask for — so `score --by region`
 * reads tallies counted by region and plan, and shards counted anywhere add up to the whole.
 */
import { ROLES, type Role, roleOf, type Metric, roleName } from '../model/metrics.js';
import { InputError, UsageError } from '../model/errors.js';
import { IssueLog, withoutColumns, type IssueCode } from '../model/issues.js';
import { patternCount, projectPatterns, rowsByPattern } from '../model/row-pattern.js';
import { emptyTally } from '../model/tally.js';
import type { TallyMeta, TallyPeriod } from '../model/tally-file.js';
import { LAYOUT_NAMES, type LayoutName } from '../io/layout.js';
import { readTallyFile, type CountRow, type TallyFile } from '../io/read-tallies.js';
import type { FoldResult, GroupResult } from './fold.js';
import type { Loaded, LoadRequest, SourceInfo } from './load.js';
import { foldClusters } from './cluster-dimension.js';
import { Marginals } from './marginals.js';
import { KEY_SEPARATOR, sumCounts } from './merge-folds.js';
import { parsePeriod, periodIndex, periodLabel, periodRange, type Every, type WeekStart } from '../time/period.js';
import { bandOutside, type RoleSpec } from './plan.js';

export const PERIOD_DIMENSION = 'period';

/** What the user said about periods when reading (undefined: as the tallies were counted). */
export interface PeriodRequest {
  every?: Every;
  weekStart?: WeekStart;
  timeZone?: string;
  date?: string;
  since?: string;
  until?: string;
}

/** What `load` is asked, less what only reading responses needs; plus the period settings given. */
export interface TallyRequest extends Pick<LoadRequest, 'files' | 'columns' | 'scales' | 'bands' | 'metrics' | 'by' | 'cluster' | 'delimiter' | 'encoding' | 'stdin'> {
  /** trend: a period dimension after --by */
  period?: PeriodRequest;
}

export interface TallyLoaded extends Loaded {
  /** the period settings in force (the files', rolled up to --every), when a period was asked for */
  period: TallyPeriod | null;
}

const TALLY_HINT = 'tally files come from --emit tallies or cxm sql (docs/tallies.md)';

export async function loadTallies(request: TallyRequest): Promise<TallyLoaded> {
  const files: TallyFile[] = [];
  for (const f of request.files) files.push(await readTallyFile(f, request));
  const first = files[0];
  for (const other of files.slice(1)) checkAgree(first, other, request);
  const meta = first.meta;

  const wanted = request.metrics ? [...new Set(request.metrics.map(roleOf))] : undefined;
  const roles = pickRoles(first, request, wanted);
  const metrics: Metric[] = request.metrics ?? roles.map((r) => r.role);

  const dims = [...request.by];
  for (const d of dims) {
    if (!meta.dimensions.includes(d)) {
      throw new InputError(`--by ${JSON.stringify(d)}: the tallies have no group column ${JSON.stringify(d)}`, { file: first.file }, `group columns in the tallies: ${listed(meta.dimensions)}; count them with --by ${d}`);
    }
  }
  if (request.cluster !== undefined) {
    // the per-cluster sums the cluster-robust variance needs are there only when the cluster column was counted as a group column
    if (!meta.dimensions.includes(request.cluster)) {
      throw new InputError(`--cluster ${JSON.stringify(request.cluster)}: the tallies have no group column ${JSON.stringify(request.cluster)}`, { file: first.file }, `count them with the cluster column as a group column: --by ${[...request.by, request.cluster].join(',')} --emit tallies`);
    }
    dims.push(request.cluster);
  }
  let period: TallyPeriod | null = null;
  let relabel: ((label: string, row: CountRow, file: string) => string) | null = null;
  if (request.period) {
    if (!meta.period || !meta.dimensions.includes(PERIOD_DIMENSION)) {
      throw new InputError('the tallies have no period', { file: first.file }, 'count them by period: cxm trend … --emit tallies, or cxm sql --every …');
    }
    period = resolvePeriod(meta.period, request.period, first.file);
    relabel = periodRelabel(meta.period, period);
    dims.push(PERIOD_DIMENSION);
  }

  const groups = new Map<string, GroupResult>();
  const issues = new IssueLog();
  const counts = sumCounts(files.map((f) => f.counts));
  // the roles read, as indices into the roles counted (files read together counted the same roles)
  const keep = roles.map((r) => meta.roles.findIndex((m) => m.metric === r.role));
  const patterned = files.every((f) => f.patterns !== null);
  const patterns = patterned ? new Array<number>(patternCount(meta.roles.length)).fill(0) : null;
  /** invalid answers of the roles counted but not read: invalid-value issues a run reading fewer roles would not have */
  const unreadInvalid = { count: 0, columns: meta.roles.filter((_, i) => !keep.includes(i)).map((r) => r.column) };
  for (const file of files) {
    const m = file.meta;
    const at = dims.map((d) => m.dimensions.indexOf(d));
    const roleAt = new Map(roles.map((r, i) => [r.role as string, i]));
    for (const row of file.rows) {
      const r = roleAt.get(row.metric);
      if (r === undefined) {
        if (!m.roles.some((x) => x.metric === row.metric)) throw new InputError(`metric ${JSON.stringify(row.metric)} is not one of the meta row's (${m.roles.map((x) => x.metric).join(', ')})`, { file: file.file, line: row.line });
        if (row.kind === 'invalid') unreadInvalid.count += row.count;
        continue;
      }
      const key = at.map((i) => row.key[i]);
      if (relabel) key[key.length - 1] = relabel(key[key.length - 1], row, file.file);
      const id = key.join(KEY_SEPARATOR);
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { key, tallies: roles.map((x) => emptyTally(x.scale)) }));
      addRow(group, r, roles[r], row, file.file);
    }
    file.patterns?.forEach((n, p) => (patterns![p] += n));
    if (m.issues) issues.merge({ counts: m.issues.counts as [IssueCode, number][], kept: m.issues.kept });
  }
  const all = meta.roles.map((_, i) => i);
  let issueLog = issues.serialize();
  if (patterns && keep.length < all.length) {
    // rows are used, skipped or invalid by the roles read: counted again from their answer patterns
    const counted = rowsByPattern(patterns, all);
    const read = rowsByPattern(patterns, keep);
    Object.assign(counts, { used: read.used, skipped: read.skipped, invalid: counts.invalid - counted.invalid + read.invalid });
    issueLog = withoutColumns(issueLog, unreadInvalid.columns, unreadInvalid.count);
  }
  const counted: FoldResult = {
    dimensions: dims,
    roles: roles.map((r) => ({ role: r.role, column: r.column, scale: r.scale })),
    groups: [...groups.values()],
    counts,
    issues: issueLog,
    ...(patterns ? { patterns: projectPatterns(patterns, keep) } : {}),
  };
  const fold = request.cluster !== undefined ? foldClusters(counted, request.by.length) : counted;
  const sources = files.flatMap((f) => f.meta.sources.map(sourceInfo));
  if (!patterns && roles.length < meta.roles.length && sources.length > 0) {
    // rows are used, skipped or invalid by all the metrics counted; fewer metrics would count them otherwise
    const counted = meta.roles.map((r) => r.metric).join(', ');
    sources[0].notes = [...sources[0].notes, `rows read are counted by the tallies' metrics (${counted}): a row is used when any of them was answered`];
  }
  const enrich = {
    ...(meta.weight !== undefined ? { weight: { column: meta.weight } } : {}),
    ...(meta.where !== undefined ? { where: meta.where } : {}),
    ...(meta.dates !== undefined ? { dates: meta.dates } : {}),
  };
  return { sources, roles, metrics, fold, marginals: new Marginals(fold), enrich, period, ...(period ? { date: { column: period.date, formats: period.formats } } : {}) };
}

function addRow(group: GroupResult, r: number, role: RoleSpec, row: CountRow, file: string): void {
  const tally = group.tallies[r];
  if (row.kind !== 'answers') {
    tally[row.kind] += row.count;
    return;
  }
  const point = row.point!;
  if (point < role.scale.lo || point > role.scale.hi) {
    throw new InputError(`point ${point} is not a point of ${role.role}'s scale ${role.scale.lo}-${role.scale.hi}`, { file, line: row.line });
  }
  const i = point - role.scale.lo;
  tally.count[i] += row.count;
  tally.weightSum[i] += row.weightSum;
  tally.weightSqSum[i] += row.weightSqSum;
}

const listed = (names: string[]) => (names.length ? names.map((n) => JSON.stringify(n)).join(', ') : 'none');

/** The roles to read: those the metrics need (all, without --metric), and any named by a column flag. */
function pickRoles(file: TallyFile, request: TallyRequest, wanted: Role[] | undefined): RoleSpec[] {
  const specs: RoleSpec[] = [];
  for (const role of ROLES) {
    const named = request.columns[role];
    const counted = file.meta.roles.find((r) => r.metric === role);
    const needed = !wanted || wanted.includes(role) || named !== undefined;
    if (!needed) continue;
    if (!counted) {
      if (wanted?.includes(role) || named !== undefined) {
        throw new InputError(`the tallies have no ${roleName(role)} counts`, { file: file.file }, `metrics in the tallies: ${file.meta.roles.map((r) => r.metric).join(', ')}`);
      }
      continue;
    }
    if (named !== undefined && named !== counted.column) {
      throw new UsageError(`--${role} ${JSON.stringify(named)}: the tallies counted ${roleName(role)} from column ${JSON.stringify(counted.column)}`);
    }
    const scale = request.scales[role];
    if (scale && (scale.lo !== counted.scale.lo || scale.hi !== counted.scale.hi)) {
      throw new UsageError(`--scale ${role}=${scale.lo}-${scale.hi}: the tallies counted ${roleName(role)} on ${counted.scale.lo}-${counted.scale.hi}`, 'a scale is fixed when answers are counted; --band can still change which answers count as a success');
    }
    const band = request.bands[role] ?? counted.band;
    const outside = bandOutside(role, band, counted.scale);
    if (outside) throw new UsageError(outside);
    specs.push({ role, column: counted.column, scale: counted.scale, band, labels: [], via: counted.via, ...(counted.question !== undefined ? { question: counted.question } : {}) });
  }
  if (specs.length === 0) throw new InputError('the tallies count no metric', { file: file.file }, TALLY_HINT);
  return specs;
}

/** Files read together must have counted the same things the same way. */
function checkAgree(a: TallyFile, b: TallyFile, request: TallyRequest): void {
  const differ = (what: string, x: unknown, y: unknown) => {
    throw new InputError(`${what} differ from ${a.file}'s (${JSON.stringify(y)} against ${JSON.stringify(x)})`, { file: b.file }, 'tally files read together must be counted with the same columns, scales and periods');
  };
  const sorted = (m: TallyMeta) => [...m.dimensions].sort();
  if (JSON.stringify(sorted(a.meta)) !== JSON.stringify(sorted(b.meta))) differ('the group columns', a.meta.dimensions, b.meta.dimensions);
  const roles = (m: TallyMeta) => m.roles.map((r) => ({ metric: r.metric, column: r.column, scale: r.scale, ...(request.bands[r.metric] ? {} : { band: r.band }) }));
  if (JSON.stringify(roles(a.meta)) !== JSON.stringify(roles(b.meta))) differ('the metrics, columns or scales', roles(a.meta), roles(b.meta));
  const period = (m: TallyMeta) => (m.period ? { ...m.period, formats: undefined } : null);
  if (JSON.stringify(period(a.meta)) !== JSON.stringify(period(b.meta))) differ('the period settings', period(a.meta), period(b.meta));
  if ((a.meta.weight ?? null) !== (b.meta.weight ?? null)) differ('the weights', a.meta.weight ?? null, b.meta.weight ?? null);
  if (JSON.stringify(a.meta.where ?? []) !== JSON.stringify(b.meta.where ?? [])) differ('the --where filters', a.meta.where ?? [], b.meta.where ?? []);
  if (JSON.stringify(a.meta.dates ?? null) !== JSON.stringify(b.meta.dates ?? null)) differ('the --since/--until dates', a.meta.dates ?? null, b.meta.dates ?? null);
}

/** Periods of one kind add up to periods of another when each lies wholly inside one of them. */
function rollsUp(from: Every, to: Every): boolean {
  if (from === to || from === 'day') return true;
  if (from === 'month') return to === 'quarter' || to === 'year';
  return from === 'quarter' && to === 'year';
}

/** The period settings in force: the file's, except where the user asks for a coarser period. */
function resolvePeriod(file: TallyPeriod, asked: PeriodRequest, name: string): TallyPeriod {
  const mismatch = (flag: string, given: string, counted: string, hint: string): never => {
    throw new UsageError(`${flag} ${given}: the tallies in ${name} were counted with ${counted}`, hint);
  };
  const every = asked.every ?? file.every;
  if (!rollsUp(file.every, every)) {
    mismatch('--every', every, `--every ${file.every}`, `${file.every}s do not add up to ${every}s; count by day to trend by any period`);
  }
  let weekStart = file.weekStart;
  if (asked.weekStart !== undefined && asked.weekStart !== file.weekStart) {
    if (file.every === 'week') mismatch('--week-start', asked.weekStart, `--week-start ${file.weekStart}`, 'weeks are counted with their start day');
    weekStart = asked.weekStart;
  }
  if (asked.timeZone !== undefined && asked.timeZone !== file.timeZone) mismatch('--tz', asked.timeZone, `--tz ${file.timeZone}`, 'days are counted in one zone; count again with --tz');
  if (asked.date !== undefined && asked.date !== file.date) mismatch('--date', JSON.stringify(asked.date), `the date column ${JSON.stringify(file.date)}`, 'count again with --date');
  for (const [flag, given, counted] of [['--since', asked.since, file.since], ['--until', asked.until, file.until]] as const) {
    if (given !== undefined && given !== counted) {
      mismatch(flag, given, counted === null ? `no ${flag}` : `${flag} ${counted}`, `rows outside --since/--until (after check's --as-of) are left out while counting: give them when the tallies are made`);
    }
  }
  return { ...file, every, weekStart };
}

const LABEL_EXAMPLES: Record<Every, string> = { day: '2026-01-05', week: '2026-W05', month: '2026-01', quarter: '2026-Q1', year: '2026' };

/** Maps the file's period labels to the periods in force (the same label when nothing rolls up). */
function periodRelabel(file: TallyPeriod, target: TallyPeriod): (label: string, row: CountRow, name: string) => string {
  const cache = new Map<string, string>();
  return (label, row, name) => {
    let out = cache.get(label);
    if (out === undefined) {
      const p = parsePeriod(label, file.weekStart);
      if (!p || p.every !== file.every || periodLabel(p.index, p.every, file.weekStart) !== label) {
        throw new InputError(`period ${JSON.stringify(label)} is not a ${file.every} label (like ${LABEL_EXAMPLES[file.every]})`, { file: name, line: row.line });
      }
      const firstDay = periodRange(p.index, file.every, file.weekStart).first;
      out = periodLabel(periodIndex(firstDay, target.every, target.weekStart), target.every, target.weekStart);
      cache.set(label, out);
    }
    return out;
  };
}

function sourceInfo(s: TallyMeta['sources'][number]): SourceInfo {
  const layout = (LAYOUT_NAMES as readonly string[]).includes(s.layout) ? (s.layout as LayoutName) : 'generic';
  return {
    input: { name: s.file },
    layout,
    layoutEvidence: s.layoutEvidence,
    headerRows: s.headerRows,
    dataLine: s.dataLine,
    notes: s.notes,
    rules: s.notAnswered !== undefined ? { notAnswered: { what: s.notAnswered } } : {},
  };
}
