/**
 * Rows a layout leaves out, applied around the sink so the fold never sees them: Qualtrics previews,
 * tests and spam; Typeform partial responses; Zendesk ratings offered but not answered; Intercom
 * conversations never rated. Each is counted by reason (an issue per row, summarised later).
 * Unfinished responses (Qualtrics and Formbricks `Finished`) are kept: their answered scores count,
 * their blank ones are skipped like any blank; they are counted too.
 */
import type { IssueCode, IssueLog } from '../model/issues.js';
import type { RowRules } from './layout.js';
import type { RecordSink, SourceRecord } from './record.js';

export type ExclusionReason = 'preview' | 'test' | 'spam' | 'partial' | 'unanswered';

export const EXCLUSION_CODES: Record<ExclusionReason, IssueCode> = {
  preview: 'excluded-preview',
  test: 'excluded-test',
  spam: 'excluded-spam',
  partial: 'excluded-partial',
  unanswered: 'excluded-unanswered',
};

export function hasRowRules(rules: RowRules | undefined): rules is RowRules {
  return rules !== undefined && Object.keys(rules).length > 0;
}

/** Qualtrics Status: numeric flags (1 preview, 2 test, 8 spam; 4 imported and 16 offline are real) or choice text. */
export function statusReason(text: string): ExclusionReason | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return statusFlags(Number(t));
  const l = t.toLowerCase();
  return l.includes('spam') ? 'spam' : l.includes('preview') ? 'preview' : l.includes('test') ? 'test' : null;
}

const UNFINISHED = new Set(['0', 'false', 'no']);

export function isUnfinished(text: string): boolean {
  return UNFINISHED.has(text.trim().toLowerCase());
}

/** Qualtrics Status flags read straight from the bytes when the cell is plain digits (most rows: `0`). */
function statusFlags(v: number): ExclusionReason | null {
  return v & 8 ? 'spam' : v & 1 ? 'preview' : v & 2 ? 'test' : null;
}

/** Finished read from the bytes when it is plain digits (`1`, `0`), else from its text. */
function isUnfinishedCell(record: SourceRecord, index: number): boolean {
  const v = record.smallInt(index);
  return v >= 0 ? v === 0 : isUnfinished(record.text(index));
}

/** The reason a record is left out, or null to keep it. */
export function exclusionOf(record: SourceRecord, rules: RowRules): { reason: ExclusionReason; message: string } | null {
  if (rules.status !== undefined) {
    const v = record.smallInt(rules.status);
    if (v < 0 || statusFlags(v) !== null) {
      const text = record.text(rules.status);
      const reason = statusReason(text);
      if (reason) return { reason, message: `left out: Status ${JSON.stringify(text.trim())} (${reason === 'spam' ? 'spam' : `survey ${reason}`})` };
    }
  }
  if (rules.responseType !== undefined) {
    const type = record.text(rules.responseType).trim().toLowerCase();
    if (type === 'partial' || type === 'started') return { reason: 'partial', message: `left out: a ${type} response` };
  } else if (rules.submitted !== undefined && record.text(rules.submitted).trim() === '') {
    return { reason: 'partial', message: 'left out: a partial response (not submitted)' };
  }
  return notAnsweredOf(record, rules);
}

function notAnsweredOf(record: SourceRecord, rules: RowRules): { reason: ExclusionReason; message: string } | null {
  const na = rules.notAnswered;
  if (na) {
    const value = record.text(na.index).trim();
    if ((na.blank && value === '') || na.values.includes(value.toLowerCase())) {
      return { reason: 'unanswered', message: `left out: ${value === '' ? 'no rating' : JSON.stringify(value)} is not an answer` };
    }
  }
  return null;
}

/** A sink that applies `rules` before handing records on. */
export function withRowRules(sink: RecordSink, rules: RowRules, issues: IssueLog, file: string): RecordSink {
  return {
    record(record) {
      const out = exclusionOf(record, rules);
      if (out) {
        issues.add({ code: EXCLUSION_CODES[out.reason], file, line: record.line, message: out.message });
        sink.excluded(record.line, out.reason);
        return;
      }
      if (rules.finished !== undefined && isUnfinishedCell(record, rules.finished)) {
        issues.add({ code: 'unfinished-row', file, line: record.line, message: 'an unfinished response' });
      }
      sink.record(record);
    },
    unreadable: (line, message) => sink.unreadable(line, message),
    excluded: (line, reason) => sink.excluded(line, reason),
  };
}
