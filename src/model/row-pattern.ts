/**
 * Row patterns: how one row answered each score column of its run — answered, blank (skipped) or
 * invalid — as one number, digit r (base 3) for role r: 0 skipped, 1 answers, 2 invalid. A run with k
 * roles has 3^k patterns (27 for NPS, CSAT and CES). A row is *used*, *skipped* or *invalid* by the
 * roles a command reads, so counts per pattern give the exact input counts of any subset of the roles
 * counted: the tally file keeps them (kind `input-pattern`) and `--metric nps` read from tallies of all
 * three metrics counts rows as a run with `--metric nps` on the files does. Patterns add up like Tallies.
 */

/** The state of one role in a row, by digit: the same words as the per-metric tally kinds. */
export const PATTERN_STATES = ['skipped', 'answers', 'invalid'] as const;

/** 3^r: the weight of role r's digit (up to the three roles there are). */
export const PATTERN_UNITS: readonly number[] = [1, 3, 9, 27];

/** How many patterns k roles have. */
export function patternCount(roles: number): number {
  return 3 ** roles;
}

/** The state (digit) of role r in pattern p. */
export function stateOf(pattern: number, r: number): number {
  return Math.floor(pattern / PATTERN_UNITS[r]) % 3;
}

/** Row counts as FoldCounts names them. */
export interface PatternRows {
  used: number;
  skipped: number;
  invalid: number;
}

/**
 * The rows of the patterns classed by the roles `keep` (indices into the pattern's roles): invalid when
 * one of them is invalid, else used when one of them was answered, else skipped.
 */
export function rowsByPattern(patterns: ArrayLike<number>, keep: readonly number[]): PatternRows {
  const out: PatternRows = { used: 0, skipped: 0, invalid: 0 };
  for (let p = 0; p < patterns.length; p++) {
    const n = patterns[p];
    if (n === 0) continue;
    let answered = false;
    let invalid = false;
    for (const r of keep) {
      const s = stateOf(p, r);
      if (s === 2) invalid = true;
      else if (s === 1) answered = true;
    }
    if (invalid) out.invalid += n;
    else if (answered) out.used += n;
    else out.skipped += n;
  }
  return out;
}

/** The patterns of the roles `keep` only (in that order), summed over the states of the others. */
export function projectPatterns(patterns: ArrayLike<number>, keep: readonly number[]): number[] {
  const out = new Array<number>(patternCount(keep.length)).fill(0);
  for (let p = 0; p < patterns.length; p++) {
    if (patterns[p] === 0) continue;
    let q = 0;
    keep.forEach((r, i) => (q += stateOf(p, r) * PATTERN_UNITS[i]));
    out[q] += patterns[p];
  }
  return out;
}

/** A pattern as the tally file writes it: `nps:answers csat:skipped ces:invalid` (metrics in order). */
export function patternText(pattern: number, metrics: readonly string[]): string {
  return metrics.map((m, r) => `${m}:${PATTERN_STATES[stateOf(pattern, r)]}`).join(' ');
}

/** The pattern a tally file's text stands for (each metric once, in any order), or why it is none. */
export function parsePatternText(text: string, metrics: readonly string[]): number | string {
  const parts = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  let pattern = 0;
  const seen = new Set<string>();
  for (const part of parts) {
    const [metric, state, ...rest] = part.split(':');
    const r = metrics.indexOf(metric);
    const s = (PATTERN_STATES as readonly string[]).indexOf(state);
    if (rest.length > 0 || r === -1 || s === -1) return `${JSON.stringify(part)} is not METRIC:STATE of a counted metric (states: ${PATTERN_STATES.join(', ')})`;
    if (seen.has(metric)) return `${metric} appears twice`;
    seen.add(metric);
    pattern += s * PATTERN_UNITS[r];
  }
  const missing = metrics.filter((m) => !seen.has(m));
  if (missing.length > 0) return `no state for ${missing.join(', ')}`;
  return pattern;
}
