/**
 * A score column most of whose answers lie outside its declared scale (a 0–100 slider read as NPS):
 * load stops on it (exit 2) and inspect lists it. Read from the folded Tally and the first values.
 */
import { tallyN, type Tally } from '../model/tally.js';
import type { RoleSpec } from './plan.js';

/**
 * Why a column cannot be scored on its declared scale: more than half of its answers invalid, and the
 * numbers among its first values mostly outside the scale (a 0–100 slider read as NPS). The message
 * names the range seen; null when the column is fine (its few out-of-range answers stay invalid, counted).
 */
export function outOfRangeMessage(spec: RoleSpec, t: Tally, firstValues: string[]): string | null {
  const n = tallyN(t);
  if (t.invalid === 0 || 2 * t.invalid <= n + t.invalid) return null;
  const numbers = firstValues.map((v) => v.trim()).filter((v) => /^[+-]?\d+(?:[.,]\d+)?$/.test(v)).map((v) => Number(v.replace(',', '.')));
  const outside = numbers.filter((v) => v < spec.scale.lo || v > spec.scale.hi);
  if (outside.length === 0 || 2 * outside.length <= numbers.length) return null;
  const seen = `${Math.min(...numbers)}-${Math.max(...numbers)}`;
  return `column ${JSON.stringify(spec.column)}: ${t.invalid} of ${n + t.invalid} answers are outside the ${spec.role.toUpperCase()} scale ${spec.scale.lo}-${spec.scale.hi} (the first rows hold ${seen})`;
}
