/**
 * JSON output: the result object as it is, two-space indented, full precision, newline at the end.
 * JSON.stringify escapes C0 controls but leaves DEL, C1 controls (which some terminals obey), line
 * separators and bidirectional overrides raw; they are written as \u escapes too: the same strings,
 * safe to `cat`.
 */
export function renderJson(result: unknown): string {
  return `${safeJsonText(JSON.stringify(result, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2))}\n`;
}

const UNSAFE = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text (from JSON.stringify) with DEL, C1 controls, line separators and bidi overrides as \u escapes. */
export function safeJsonText(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
