/** JSON output: the result object as it is, two-space indented, full precision, newline at the end. */
export function renderJson(result: unknown): string {
  return `${JSON.stringify(result, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}
