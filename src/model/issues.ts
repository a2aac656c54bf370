/**
 * Row-level problems. A bad row is counted and a few of each kind are kept with their place, so the
 * summary can show them; nothing is dropped without being counted.
 */

export type IssueCode =
  | 'invalid-value' // a score cell that is not a score on its scale
  | 'ragged-row' // a record with more or fewer fields than the header
  | 'bad-date' // a date cell that does not parse (the row stays in totals)
  | 'placeholder-date' // 1970-01-01 and the like
  | 'bad-weight' // a weight that is not a finite number ≥ 0 (the row is invalid)
  | 'zero-weight' // weight 0: the row is left out (excluded)
  | 'unmatched-join' // no row of the --join file has the response's key
  | 'excluded-row' // left out by rule (e.g. no --per entity)
  | 'excluded-preview' // a Qualtrics survey preview (left out by the layout's rules)
  | 'excluded-test' // a Qualtrics survey test
  | 'excluded-spam' // a response flagged as spam
  | 'excluded-partial' // a partial (not submitted) Typeform response
  | 'excluded-unanswered' // asked but not answered (Zendesk offered, Intercom not rated)
  | 'unfinished-row' // an unfinished response, kept: its answered scores count
  | 'duplicate-id'
  | 'bad-quote'
  | 'nul-byte'; // a CSV row holding NUL bytes (read as it is)

export interface RowIssue {
  code: IssueCode;
  file: string;
  /** physical line where the record starts (the header is line 1) */
  line: number;
  column?: string;
  value?: string;
  message: string;
}

/** How many issues of each code to keep with their text (and to show); the rest are only counted. */
export const ISSUES_KEPT_PER_CODE = 5;

/**
 * What the first few are counted by: the code, and for invalid values the code and the column — a run
 * reading fewer score columns (tallies read with `--metric nps`) shows the first few of its own columns.
 */
function keptKey(issue: RowIssue): string {
  return issue.code === 'invalid-value' && issue.column !== undefined ? `${issue.code}\u0000${issue.column}` : issue.code;
}

/** Counts every issue, keeps the first few of each code (of invalid values, of each column). Mergeable like Tallies. */
export class IssueLog {
  readonly counts = new Map<IssueCode, number>();
  readonly kept: RowIssue[] = [];
  private readonly keptPerKey = new Map<string, number>();

  add(issue: RowIssue): void {
    this.counts.set(issue.code, (this.counts.get(issue.code) ?? 0) + 1);
    this.keep(issue);
  }

  private keep(issue: RowIssue): void {
    const key = keptKey(issue);
    const k = this.keptPerKey.get(key) ?? 0;
    if (k >= ISSUES_KEPT_PER_CODE) return;
    this.keptPerKey.set(key, k + 1);
    this.kept.push(issue);
  }

  count(code: IssueCode): number {
    return this.counts.get(code) ?? 0;
  }

  /** Adds another log (e.g. from a worker). `lineOffset` shifts its line numbers. */
  merge(other: SerializedIssueLog, lineOffset = 0): void {
    for (const [code, n] of other.counts) {
      const seen = this.counts.get(code) ?? 0;
      this.counts.set(code, seen + n);
    }
    for (const issue of other.kept) this.keep({ ...issue, line: issue.line + lineOffset });
  }

  serialize(): SerializedIssueLog {
    return { counts: [...this.counts], kept: this.kept };
  }
}

export interface SerializedIssueLog {
  counts: [IssueCode, number][];
  kept: RowIssue[];
}

/** The first few issues of each code, in order: what a summary lists. */
export function shownIssues(kept: RowIssue[]): RowIssue[] {
  const seen = new Map<IssueCode, number>();
  return kept.filter((issue) => {
    const k = seen.get(issue.code) ?? 0;
    seen.set(issue.code, k + 1);
    return k < ISSUES_KEPT_PER_CODE;
  });
}

/**
 * The log of a run that did not read some score columns: their invalid values (`count` of them) gone
 * from the counts and from the issues kept.
 */
export function withoutColumns(log: SerializedIssueLog, columns: string[], count: number): SerializedIssueLog {
  if (columns.length === 0) return log;
  const gone = (issue: RowIssue) => issue.code === 'invalid-value' && issue.column !== undefined && columns.includes(issue.column);
  const kept = log.kept.filter((issue) => !gone(issue));
  // codes are counted in the order they first occurred, which is the order of their first issue kept
  const first = (code: IssueCode) => {
    const i = kept.findIndex((issue) => issue.code === code);
    return i === -1 ? kept.length : i;
  };
  const counts = log.counts
    .map(([code, n]): [IssueCode, number] => [code, code === 'invalid-value' ? n - count : n])
    .filter(([, n]) => n > 0)
    .map((entry, i) => ({ entry, i }))
    .sort((x, y) => first(x.entry[0]) - first(y.entry[0]) || x.i - y.i)
    .map((x) => x.entry);
  return { counts, kept };
}
