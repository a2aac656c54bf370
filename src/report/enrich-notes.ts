/**
 * The notes under every table that say how the rows were enriched: the filter, the date range, the
 * joined customer file, the weights, the per-entity roll-up and the comment tags. One line each, only
 * for what was asked for.
 */
import type { EnrichSettings } from '../analysis/result.js';
import { formatCount } from './format.js';

const PER_RULES: Record<string, string> = {
  mean: 'the mean of its answers, rounded half up',
  min: 'its lowest answer',
  latest: 'its latest answer by the date column',
};

/** The label of the n column: `n`, or `n (eff.)` when the run is weighted. */
export function nLabel(s: EnrichSettings): string {
  return s.weight ? 'n (eff.)' : 'n';
}

export function enrichNotes(s: EnrichSettings): string[] {
  const notes: string[] = [];
  if (s.where) notes.push(`Filter: ${s.where.join(' and ')}; the rows it leaves out count as excluded.`);
  if (s.dates) {
    const { since, until } = s.dates;
    const range = since && until ? `${since} to ${until} (both included)` : since ? `from ${since} on` : `up to ${until} (included)`;
    notes.push(`Dates: column ${JSON.stringify(s.dates.column)}, ${range}; rows outside or without a usable date count as excluded.`);
  }
  if (s.join) {
    const unmatched = s.join.unmatched === 0 ? 'every response has a match' : `${formatCount(s.join.unmatched)} response${s.join.unmatched === 1 ? '' : 's'} without a match (their ${s.join.file} columns are blank)`;
    notes.push(`Joined ${s.join.file} (${formatCount(s.join.rows)} rows) on ${s.join.on === s.join.key ? JSON.stringify(s.join.on) : `${JSON.stringify(s.join.on)} = ${JSON.stringify(s.join.key)}`}: ${unmatched}.`);
  }
  if (s.weight) {
    const method = s.weight.variance === 'linearized' ? ' (NPS: the linearized variance instead)' : '';
    notes.push(`Weighted by ${JSON.stringify(s.weight.column)}: scores and shares are weighted; n (eff.) is the number of answers and, in brackets, Kish's effective n, which the intervals and tests use${method}.`);
  }
  if (s.per) notes.push(`One answer per ${JSON.stringify(s.per.column)}: ${PER_RULES[s.per.rule]}; n counts ${s.per.column} values, not responses.`);
  if (s.tags) notes.push(`Tags from ${s.tags.file} (column ${JSON.stringify(s.tags.column)}): a response counts once in each of its tags; (untagged) matched none.`);
  return notes;
}
