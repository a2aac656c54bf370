/**
 * From options and headers to a fold plan: which column plays which role on which scale, which
 * columns group the rows. Names are resolved here, once per source, so the fold works by index.
 */
import { listRoles, ROLE_DEFS, roleKind, roleName, ROLES, roleOf, type Metric, type Role } from '../model/metrics.js';
import { InputError, UsageError } from '../model/errors.js';
import type { Scale } from '../model/tally.js';
import { detectRoleCandidates, findColumn, isYesNoColumn, listColumns, roleNamedBy, scaleInHeader } from '../io/columns.js';
import { agreementFiveScale, labelsFor } from '../io/labels.js';
import type { RoleHint } from '../io/layout.js';
import { cachedScoreParser } from '../io/values.js';
import type { Source } from '../io/read-source.js';
import type { DimensionPlan } from './dimensions.js';
import { TAG_COLUMN, type ColumnSpace } from './enrich-plan.js';
import type { FoldPlan } from './fold.js';

/** The NPS class of an answer by its offset from the scale's low end: 0–6, 7–8, 9–10. */
export function npsClassOf(offset: number): 'detractors' | 'passives' | 'promoters' {
  return offset <= 6 ? 'detractors' : offset <= 8 ? 'passives' : 'promoters';
}

/** The resolved role a metric is computed from (load resolves every role its metrics need). */
export function specOf(specs: RoleSpec[], metric: Metric): RoleSpec {
  return specs.find((r) => r.role === roleOf(metric))!;
}

export interface RoleSpec {
  role: Role;
  column: string;
  scale: Scale;
  /** the answers that count as a success (satisfied / agree); for NPS, the promoter band */
  band: Scale;
  /** label → point: the built-in maps for the scale, then the config file's */
  labels: [string, number][];
  /** the column's question text, when the header rows give one */
  question?: string;
  /** how the column was chosen: `--nps`, `layout` (with why), `header`, `question text` */
  via: string;
  /** a file of several survey types: only rows whose `column` holds one of `values` answer this role */
  only?: { column: string; values: string[] };
}

export interface ColumnOptions {
  columns: Partial<Record<Role, string>>;
  scales: Partial<Record<Role, Scale>>;
  bands: Partial<Record<Role, Scale>>;
  /** label maps from a config file, per role */
  labels?: Partial<Record<Role, Record<string, number>>>;
}

/** What a source tells about its columns beyond their names. */
export interface ColumnContext {
  /** question text per column ('' when none) */
  labels?: string[];
  /** columns the layout assigns to roles */
  hints?: RoleHint[];
  /** the first data rows, to tell a score column from a text column with a similar header */
  preview?: string[][];
}

/** The success band a scale gets when --band gives none (the registry's rule), or null when it must be given. */
export function defaultBand(role: Role, scale: Scale): Scale | null {
  return ROLE_DEFS[role].defaultBand(scale);
}

/** A reason the roles cannot be settled, as the error it becomes in `score`. */
export interface RoleProblem {
  kind: 'usage' | 'input';
  message: string;
  hint?: string;
}

/**
 * Which role each needed column plays, and what stands in the way. `wanted`: roles the chosen metrics
 * need (all found roles when undefined). A role is settled by its flag (or config), else by the
 * layout, else by the header (names, then question text); two candidates are settled by the preview
 * when only one of them holds scores.
 */
export function planRoles(header: string[], file: string, options: ColumnOptions, wanted?: Role[], context: ColumnContext = {}): { specs: RoleSpec[]; problems: RoleProblem[] } {
  const labels = context.labels ?? [];
  const candidates = detectRoleCandidates(header, labels);
  const specs: RoleSpec[] = [];
  const problems: RoleProblem[] = [];
  const named = new Set(Object.values(options.columns).filter((c): c is string => c !== undefined));
  const hinted = new Set((context.hints ?? []).map((h) => h.column));
  const yesNo = (i: number) => context.preview !== undefined && isYesNoColumn(context.preview.map((row) => row[i] ?? ''));
  // columns named like NPS whose answers are yes/no: the yes/no (recommend) role's candidates
  const yesNoNamed = ROLES.filter((r) => roleKind(r) === 'nps').flatMap((r) => candidates[r].filter(yesNo));
  for (const role of ROLES) {
    let index: number | null = null;
    let via = 'header';
    const name = options.columns[role];
    const hint = context.hints?.find((h) => h.role === role);
    if (name !== undefined) {
      index = findColumn(header, name, `--${role}`, file, labels);
      via = `--${role}`;
      if (roleKind(role) === 'nps' && yesNo(index)) {
        problems.push(notNps(header[index]));
        continue;
      }
    } else if (!wanted || wanted.includes(role)) {
      if (hint && header.includes(hint.column) && !named.has(hint.column)) {
        index = header.indexOf(hint.column);
        via = `layout: ${hint.why}`;
      } else {
        let found = candidates[role].filter((i) => !named.has(header[i]) && !hinted.has(header[i]));
        // a yes/no column named like NPS ("recommended": 0/1) is a recommend %, never an NPS
        if (roleKind(role) === 'nps') {
          const answers = found.filter((i) => !yesNo(i));
          if (answers.length === 0 && found.length > 0 && wanted?.includes(role)) {
            problems.push(notNps(header[found[0]]));
            continue;
          }
          found = answers;
        } else if (ROLE_DEFS[role].fixedScale) found = yesNoNamed.filter((i) => !named.has(header[i]) && !hinted.has(header[i]));
        if (found.length > 1) found = settleByPreview(found, context.preview, role, options.scales[role] ?? ROLE_DEFS[role].scale);
        if (found.length > 1) {
          problems.push({
            kind: 'input',
            message: `two columns could hold ${ROLE_DEFS[role].name}: ${found.map((i) => JSON.stringify(header[i])).join(' and ')}`,
            hint: `choose one with --${role} COLUMN`,
          });
          continue;
        }
        if (found.length === 1) {
          index = found[0];
          // the yes/no role is found by its answers under a header named like NPS
          via = roleNamedBy(header[index]) === role || (ROLE_DEFS[role].fixedScale && roleNamedBy(header[index]) !== null) ? 'header' : 'question text';
        }
      }
    }
    if (index === null) {
      if (wanted?.includes(role)) {
        problems.push({ kind: 'input', message: `no ${ROLE_DEFS[role].name} column found`, hint: `name it with --${role} COLUMN; columns: ${listColumns(header)}` });
      }
      continue;
    }
    if (wanted && !wanted.includes(role) && name === undefined) continue;
    const fromHint = via.startsWith('layout') ? hint : undefined;
    const def = ROLE_DEFS[role];
    // the scale a header writes (`Zufriedenheit (1-5)`) is the one the question used, and so is the
    // 5-point agreement scale whose labels are every answer (Microsoft Forms' Likert) on a 7-point role
    const written = def.fixedScale
      ? null
      : (scaleInHeader(header[index]) ??
        scaleInHeader(labels[index] ?? '') ??
        (def.scale.hi - def.scale.lo === 6 && context.preview ? agreementFiveScale(context.preview.map((row) => row[index] ?? '')) : null));
    const scale = options.scales[role] ?? fromHint?.scale ?? written ?? def.scale;
    const band = options.bands[role] ?? fromHint?.band ?? defaultBand(role, scale);
    if (!band) {
      problems.push({
        kind: 'usage',
        message:
          def.success === null
            ? `${def.name} needs an 11-point scale (0-10 or 1-11), not ${scale.lo}-${scale.hi}`
            : `${def.name} on ${scale.lo}-${scale.hi} needs --band ${role}=LO-HI (which answers count as ${def.success.yes})`,
      });
      continue;
    }
    const outside = bandOutside(role, band, scale);
    if (outside) {
      problems.push({ kind: 'usage', message: outside });
      continue;
    }
    const configured = options.labels?.[role];
    for (const [label, value] of Object.entries(configured ?? {})) {
      if (!Number.isInteger(value) || value < scale.lo || value > scale.hi) {
        problems.push({ kind: 'usage', message: `config labels.${role}: ${JSON.stringify(label)} is ${value}, not a point of the scale ${scale.lo}-${scale.hi}` });
      }
    }
    specs.push({ role, column: header[index], scale, band, labels: labelsFor(scale, configured, def.labels), ...(labels[index] ? { question: labels[index] } : {}), via, ...(fromHint?.only ? { only: fromHint.only } : {}) });
  }
  if (specs.length === 0 && problems.length === 0) {
    problems.push({ kind: 'input', message: `no score column found (${listRoles(roleName)})`, hint: `name one with ${listRoles((r) => `--${r}`)}; columns: ${listColumns(header)}` });
  }
  return { specs, problems };
}

/** Why a band cannot be used on a scale (not inside it, or empty), or null when it can. */
export function bandOutside(role: Role, band: Scale, scale: Scale): string | null {
  if (band.lo >= scale.lo && band.hi <= scale.hi && band.lo <= band.hi) return null;
  return `--band ${role}=${band.lo}-${band.hi} is not inside the scale ${scale.lo}-${scale.hi}`;
}

/** A yes/no column named as (or taken for) NPS: refused, with what it is. */
function notNps(column: string): RoleProblem {
  return {
    kind: 'input',
    message: `column ${JSON.stringify(column)} holds yes/no answers: it is a recommend %, not an NPS (0 and 1 on 0-10 would all be detractors)`,
    hint: `score it as a recommend % (the share answering yes) with --recommend ${JSON.stringify(column)}`,
  };
}

/** Of several candidate columns, those whose first values read as scores (at least 80% of the non-blank ones). */
function settleByPreview(found: number[], preview: string[][] | undefined, role: Role, scale: Scale): number[] {
  if (!preview?.length) return found;
  const parse = cachedScoreParser(scale, new Map(labelsFor(scale, undefined, ROLE_DEFS[role].labels)));
  const scores = found.filter((i) => {
    let filled = 0;
    let ok = 0;
    for (const row of preview) {
      const cell = parse(row[i] ?? '');
      if (cell.kind === 'blank') continue;
      filled++;
      if (cell.kind === 'value') ok++;
    }
    return filled > 0 && ok >= 0.8 * filled;
  });
  return scores.length >= 1 ? scores : found;
}

/** planRoles for commands that need every role settled: the first problem is the error. */
export function resolveRoles(header: string[], file: string, options: ColumnOptions, wanted?: Role[], context: ColumnContext = {}): RoleSpec[] {
  const { specs, problems } = planRoles(header, file, options, wanted, context);
  const [first] = problems;
  if (first) throw first.kind === 'usage' ? new UsageError(first.message, first.hint) : new InputError(first.message, { file }, first.hint);
  return specs;
}

/** The roles of a source: its header, question text, layout hints and first rows. */
export function sourceContext(source: Source): ColumnContext {
  return { labels: source.labels, hints: source.hints, preview: source.preview };
}

/**
 * Binds role and grouping columns, by name, to one source's column indices; `extra` dimensions follow
 * --by. With a ColumnSpace, --by also finds joined columns and `tag` (the comment tags).
 */
export function bindPlan(source: Source, roles: RoleSpec[], by: string[], extra: DimensionPlan[] = [], space?: ColumnSpace): FoldPlan {
  const file = source.input.name;
  const header = space?.header ?? source.header;
  const named = new Map<number, string>();
  const dimensions = by.map((name): DimensionPlan => {
    if (space?.tags && space.isTag(name)) return { kind: 'tags', name: TAG_COLUMN, tags: space.tags };
    const index = space ? space.index(name, '--by') : findColumn(header, name, '--by', file, source.labels);
    // two names for one column (its name in another case, its question text) would give every segment twice
    const earlier = named.get(index);
    if (earlier !== undefined) throw new UsageError(`the column ${JSON.stringify(header[index])} is named twice to group by (as ${JSON.stringify(earlier)} and ${JSON.stringify(name)})`);
    named.set(index, name);
    return { kind: 'column' as const, name: header[index], index };
  });
  return {
    file,
    dimensions: [...dimensions, ...extra],
    roles: roles.map((r) => ({
      role: r.role,
      column: r.column,
      index: findColumn(source.header, r.column, `--${r.role}`, file),
      scale: r.scale,
      ...(r.labels.length ? { labels: r.labels } : {}),
      ...(r.only ? { only: { index: findColumn(source.header, r.only.column, `--${r.role}`, file), values: r.only.values } } : {}),
    })),
  };
}

/** Several inputs are one data set only when they have the same columns (in any order). */
export function checkSameColumns(sources: Source[]): void {
  const [first, ...rest] = sources;
  const names = new Set(first.header);
  for (const other of rest) {
    const missing = first.header.filter((h) => !other.header.includes(h));
    const extra = other.header.filter((h) => !names.has(h));
    if (missing.length || extra.length) {
      const parts = [];
      if (missing.length) parts.push(`lacks ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
      if (extra.length) parts.push(`has ${extra.map((m) => JSON.stringify(m)).join(', ')} not in ${first.input.name}`);
      throw new InputError(`columns differ from ${first.input.name}: ${parts.join('; ')}`, { file: other.input.name }, 'inputs read together must have the same columns');
    }
  }
}
