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

/** How many issues of each code to keep with their text; the rest are only counted. */
export const ISSUES_KEPT_PER_CODE = 5;

/** Counts every issue, keeps the first few of each code. Mergeable like Tallies. */
export class IssueLog {
  readonly counts = new Map<IssueCode, number>();
  readonly kept: RowIssue[] = [];

  add(issue: RowIssue): void {
    const seen = this.counts.get(issue.code) ?? 0;
    this.counts.set(issue.code, seen + 1);
    if (seen < ISSUES_KEPT_PER_CODE) this.kept.push(issue);
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
    const keptPerCode = new Map<IssueCode, number>();
    for (const issue of this.kept) keptPerCode.set(issue.code, (keptPerCode.get(issue.code) ?? 0) + 1);
    for (const issue of other.kept) {
      const k = keptPerCode.get(issue.code) ?? 0;
      if (k >= ISSUES_KEPT_PER_CODE) continue;
      keptPerCode.set(issue.code, k + 1);
      this.kept.push({ ...issue, line: issue.line + lineOffset });
    }
  }

  serialize(): SerializedIssueLog {
    return { counts: [...this.counts], kept: this.kept };
  }
}

export interface SerializedIssueLog {
  counts: [IssueCode, number][];
  kept: RowIssue[];
}
