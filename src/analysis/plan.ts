/**
 * From options and headers to a fold plan: which column plays which role on which scale, which
 * columns group the rows. Names are resolved here, once per source, so the fold works by index.
 */
import { InputError, UsageError } from '../model/errors.js';
import { ROLES, type Role, type Scale } from '../model/tally.js';
import { detectRoleCandidates, findColumn, listColumns } from '../io/columns.js';
import type { Source } from '../io/read-source.js';
import type { DimensionPlan } from './dimensions.js';
import { TAG_COLUMN, type ColumnSpace } from './enrich-plan.js';
import type { FoldPlan } from './fold.js';

/** Metrics a user can ask for, and the role whose Tally each one reads. */
export const METRICS = ['nps', 'csat', 'ces', 'csat-mean', 'ces-mean'] as const;
export type Metric = (typeof METRICS)[number];

export function roleOf(metric: Metric): Role {
  return metric.startsWith('csat') ? 'csat' : metric.startsWith('ces') ? 'ces' : 'nps';
}

export const DEFAULT_SCALES: Record<Role, Scale> = { nps: { lo: 0, hi: 10 }, csat: { lo: 1, hi: 5 }, ces: { lo: 1, hi: 7 } };

export interface RoleSpec {
  role: Role;
  column: string;
  scale: Scale;
  /** the answers that count as a success (satisfied / agree); for NPS, the promoter band */
  band: Scale;
}

export interface ColumnOptions {
  columns: Partial<Record<Role, string>>;
  scales: Partial<Record<Role, Scale>>;
  bands: Partial<Record<Role, Scale>>;
}

/**
 * The top band of a scale: CSAT 1–5 → 4–5, CES 1–7 → 5–7, CES 1–5 → 4–5; NPS on 11 points → the top
 * two (promoters). Any other scale needs --band: guessing it would change the score silently.
 */
export function defaultBand(role: Role, scale: Scale): Scale | null {
  const width = scale.hi - scale.lo + 1;
  if (role === 'nps') return width === 11 ? { lo: scale.lo + 9, hi: scale.hi } : null;
  if (role === 'csat' && scale.lo === 1 && scale.hi === 5) return { lo: 4, hi: 5 };
  if (role === 'ces' && scale.lo === 1 && scale.hi === 7) return { lo: 5, hi: 7 };
  if (role === 'ces' && scale.lo === 1 && scale.hi === 5) return { lo: 4, hi: 5 };
  return null;
}

/**
 * Which role each needed column plays. `wanted`: roles the chosen metrics need (all found roles when
 * undefined). Errors list the columns seen, and both candidates when a role is ambiguous.
 */
export function resolveRoles(header: string[], file: string, options: ColumnOptions, wanted?: Role[]): RoleSpec[] {
  const candidates = detectRoleCandidates(header);
  const specs: RoleSpec[] = [];
  for (const role of ROLES) {
    let index: number | null = null;
    const named = options.columns[role];
    if (named !== undefined) {
      index = findColumn(header, named, `--${role}`, file);
    } else if (!wanted || wanted.includes(role)) {
      const found = candidates[role].filter((i) => !Object.values(options.columns).some((c) => c !== undefined && header[i] === c));
      if (found.length > 1) {
        throw new InputError(
          `two columns could hold ${role.toUpperCase()}: ${found.map((i) => JSON.stringify(header[i])).join(' and ')}`,
          { file },
          `choose one with --${role} COLUMN`,
        );
      }
      if (found.length === 1) index = found[0];
    }
    if (index === null) {
      if (wanted?.includes(role)) {
        throw new InputError(`no ${role.toUpperCase()} column found`, { file }, `name it with --${role} COLUMN; columns: ${listColumns(header)}`);
      }
      continue;
    }
    if (wanted && !wanted.includes(role) && named === undefined) continue;
    const scale = options.scales[role] ?? DEFAULT_SCALES[role];
    const band = options.bands[role] ?? defaultBand(role, scale);
    if (!band) {
      throw new UsageError(
        role === 'nps'
          ? `NPS needs an 11-point scale (0-10 or 1-11), not ${scale.lo}-${scale.hi}`
          : `${role.toUpperCase()} on ${scale.lo}-${scale.hi} needs --band ${role}=LO-HI (which answers count as ${role === 'csat' ? 'satisfied' : 'agree'})`,
      );
    }
    if (band.lo < scale.lo || band.hi > scale.hi || band.lo > band.hi) {
      throw new UsageError(`--band ${role}=${band.lo}-${band.hi} is not inside the scale ${scale.lo}-${scale.hi}`);
    }
    specs.push({ role, column: header[index], scale, band });
  }
  if (specs.length === 0) {
    throw new InputError('no score column found (NPS, CSAT or CES)', { file }, `name one with --nps, --csat or --ces; columns: ${listColumns(header)}`);
  }
  return specs;
}

/**
 * Binds role and grouping columns, by name, to one source's column indices; `extra` dimensions follow
 * --by. With a ColumnSpace, --by also finds joined columns and `tag` (the comment tags).
 */
export function bindPlan(source: Source, roles: RoleSpec[], by: string[], extra: DimensionPlan[] = [], space?: ColumnSpace): FoldPlan {
  const file = source.input.name;
  const header = space?.header ?? source.header;
  return {
    file,
    dimensions: [
      ...by.map((name): DimensionPlan => {
        if (space?.tags && space.isTag(name)) return { kind: 'tags', name: TAG_COLUMN, tags: space.tags };
        const index = space ? space.index(name, '--by') : findColumn(header, name, '--by', file);
        return { kind: 'column' as const, name: header[index], index };
      }),
      ...extra,
    ],
    roles: roles.map((r) => ({ role: r.role, column: r.column, index: findColumn(source.header, r.column, `--${r.role}`, file), scale: r.scale })),
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
