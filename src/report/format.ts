/**
 * Rounding and number text for human formats. Machine formats (JSON, CSV) keep full precision; only
 * the renderers round, and only here.
 */

/** 12,345 (by hand: Intl.NumberFormat costs ~15 ms to initialise, a tenth of cxm's start-up) */
export function formatCount(n: number): string {
  if (!Number.isInteger(n)) return n.toFixed(1);
  const digits = String(Math.abs(n));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

/** Fixed decimals with a real minus sign avoided (plain `-`), and no `-0.0`. */
export function formatFixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** p-values: 3 decimals, `<0.001` below that. */
export function formatP(p: number | null): string {
  if (p === null) return '–';
  if (p < 0.001) return '<0.001';
  return p.toFixed(3);
}

/** `18.6 – 28.1` */
export function formatInterval(lower: number | null, upper: number | null, digits: number, suffix = ''): string {
  if (lower === null || upper === null) return '–';
  // Wald at p = 0 or 1 (or SE = 0) gives a point: never let it read as certainty
  if (lower === upper) return `${formatFixed(lower, digits)}${suffix} (zero width: not certainty)`;
  return `${formatFixed(lower, digits)}${suffix} – ${formatFixed(upper, digits)}${suffix}`;
}

/** `+4.2` / `-3.0` */
export function formatSigned(x: number | null, digits: number): string {
  if (x === null) return '–';
  const s = formatFixed(x, digits);
  return x > 0 && s !== formatFixed(0, digits) ? `+${s}` : s;
}

/** The significance threshold of a confidence level: `0.05` for 0.95, `0.005` for 0.995. */
export function formatAlpha(level: number): string {
  return formatFixed(1 - level, 3).replace(/0+$/, '');
}

/** `95%` for 0.95, `99.5%` for 0.995 */
export function formatLevel(level: number): string {
  return `${Number((level * 100).toFixed(4))}%`;
}

/**
 * Data text shown in a terminal: control characters (escape sequences) and bidirectional overrides
 * (text that displays in another order than it reads) removed, line breaks made spaces.
 */
export function safeTerminalText(text: string): string {
  return withoutControls(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
}

/**
 * What stands in for a character taken out of data (U+FFFD, the replacement character): visible, so two
 * values that differ only by such characters do not look the same.
 */
export const STRIPPED_MARK = '\ufffd';

/**
 * Text without the characters a terminal or log viewer obeys instead of showing — C0 controls but
 * tab and line breaks, DEL, C1 controls — nor bidirectional marks and overrides (U+061C, U+200E/F,
 * U+202A–E, U+2066–9), each replaced by STRIPPED_MARK; line breaks are the caller's.
 */
export function withoutControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, STRIPPED_MARK);
}

/**
 * An n cell: `1,204`, and in weighted runs also Kish's effective n, `1,204 (873.5)`; ` *` marks low base.
 */
export function formatN(r: { n: number; nEff?: number; lowBase?: boolean }, lowMark = r.lowBase === true && r.n > 0): string {
  const eff = r.nEff === undefined ? '' : ` (${formatFixed(r.nEff, 1)})`;
  return `${formatCount(r.n)}${eff}${lowMark ? ' *' : ''}`;
}
