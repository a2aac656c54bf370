/**
 * A column whose answers all sit in a narrower range than its declared scale, in a way that suggests
 * another scale (every answer 1–5 on an NPS column: a 5-point rating read as NPS). Read from the
 * folded Tally (which points were used), so it costs nothing per row.
 */
import { roleKind, roleName } from '../model/metrics.js';
import { tallyN, type Tally } from '../model/tally.js';
import type { RoleSpec } from '../fold/plan.js';

/** Fewer answers than this say too little about the scale to warn. */
export const NARROW_RANGE_MIN_N = 10;

/** The lowest and highest points with an answer, or null when there is none. */
export function observedRange(t: Tally): { min: number; max: number } | null {
  const first = t.count.findIndex((c) => c > 0);
  if (first === -1) return null;
  let last = t.count.length - 1;
  while (t.count[last] === 0) last--;
  return { min: t.lo + first, max: t.lo + last };
}

/** The share of answers inside a smaller scale at which a column reads as that scale with a few strays. */
export const NARROW_RANGE_SHARE = 0.9;

/** Answers on points lo..hi of a Tally. */
function countIn(t: Tally, lo: number, hi: number): number {
  let n = 0;
  for (let p = Math.max(lo, t.lo); p <= Math.min(hi, t.hi); p++) n += t.count[p - t.lo];
  return n;
}

/**
 * The smaller common scale the answers fit, when the declared scale has at least 7 points: 0–1 (a
 * yes/no answer) when only 0 and 1 were answered, else 1–5 or 1–7 (0-based when a 0 was answered)
 * when at least 90% of the answers lie on it and its top is below the declared top (a 5-point rating
 * with a few stray answers above 5 is still a 5-point rating, not an NPS). `share` is that part.
 */
export function suggestedScale(spec: Pick<RoleSpec, 'scale'>, t: Tally): { lo: number; hi: number; share: number } | null {
  const range = observedRange(t);
  const n = tallyN(t);
  if (!range || n < NARROW_RANGE_MIN_N) return null;
  const { lo, hi } = spec.scale;
  const width = hi - lo + 1;
  if (width < 7) return null;
  if (range.min === 0 && range.max === 1) return { lo: 0, hi: 1, share: 1 };
  for (const top of [5, 7]) {
    if (top >= hi || (top === 7 && width < 10) || range.min < 0) continue;
    const share = countIn(t, lo, top) / n;
    if (share >= NARROW_RANGE_SHARE) return { lo: range.min === 0 ? 0 : 1, hi: top, share };
  }
  return null;
}

/** The warning text, or null when the range gives no reason for doubt. */
export function narrowRangeMessage(spec: RoleSpec, t: Tally): string | null {
  const s = suggestedScale(spec, t);
  if (!s) return null;
  const range = observedRange(t)!;
  const n = tallyN(t);
  const inside = countIn(t, spec.scale.lo, s.hi);
  const where = s.share === 1 ? `all ${n} answers lie in ${range.min}-${range.max}` : `${inside} of ${n} answers (${Math.floor(100 * s.share)}%) lie in ${s.lo}-${s.hi}, ${n - inside} above`;
  const what = `column ${JSON.stringify(spec.column)}: ${where}, on a declared ${roleName(spec.role)} scale of ${spec.scale.lo}-${spec.scale.hi}`;
  if (s.hi === 1) {
    const as = roleKind(spec.role) === 'nps' ? `--csat ${JSON.stringify(spec.column)} --scale csat=0-1` : `--scale ${spec.role}=0-1`;
    return `${what}: if it is a yes/no answer (1 = yes), score it with ${as}`;
  }
  const strays = s.share === 1 ? '' : `; the ${n - inside} above ${s.hi} then count as invalid`;
  if (roleKind(spec.role) === 'nps') return `${what}: if the question was a ${s.lo}-${s.hi} rating it is not an NPS answer (score it with --csat ${JSON.stringify(spec.column)}${s.lo === 1 && s.hi === 5 ? '' : ` --scale csat=${s.lo}-${s.hi} --band csat=LO-HI`}${strays})`;
  return `${what}: if the question used ${s.lo}-${s.hi}, declare it with --scale ${spec.role}=${s.lo}-${s.hi}${strays.replace('; ', ' (')}${strays ? ')' : ''}`;
}
