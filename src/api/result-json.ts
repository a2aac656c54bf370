/**
 * What a library function resolves to: the result exactly as `--format json` writes it (schema v1) —
 * made by the same serializer and read back, so numbers that JSON cannot hold are null and no field is
 * undefined.
 */
import { renderJson } from '../report/render-json.js';
import type { InputSummary, Warning } from '../analysis/result.js';
import { refuseUnlessClean } from './strict.js';

export function asJson<T>(result: T): T {
  return JSON.parse(renderJson(result)) as T;
}

/** The result as JSON, after `strict` (when asked) has refused invalid rows. */
export function finish<T extends { input: InputSummary; warnings: Warning[] }>(result: T, o: { strict: boolean }): T {
  if (o.strict) refuseUnlessClean(result.input, result.warnings);
  return asJson(result);
}
