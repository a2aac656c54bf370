/**
 * Between the reader and the Folder when a fold is enriched: the row gate (row-gate.ts: the --join row,
 * --where, --since/--until), then the --weight and the --per entity of each row, handed on with it. A
 * plain fold gets the Folder itself as its sink, and a fold that is only filtered or joined the gate
 * in front of the Folder, so none of this costs a thing when no option asks for it. A bad weight makes
 * the row invalid (counted, reported); weight 0 excludes it (counted, reported).
 */
import type { IssueLog, RowIssue } from '../model/issues.js';
import type { RecordSink, SourceRecord } from '../io/record.js';
import { MAX_WEIGHT, MIN_WEIGHT } from '../io/limits.js';
import { parseDecimal } from '../io/values.js';
import { createInstantReader } from '../time/instant-reader.js';
import type { EnrichPlan } from './enrich-plan.js';
import type { Folder, FoldPlan } from './fold.js';
import { gateSink } from './row-gate.js';

/** Where enriched rows go: the Folder, or a row collector (report's comment sample) that counts rows alike. */
export interface EnrichedTarget extends RecordSink {
  readonly issues: IssueLog;
  /** a row that passed, with its weight and entity (`at`: its time for --per-rule latest) */
  recordEnriched(record: SourceRecord, weight: number, entity: string | null, at: number): void;
  /** a row refused for a bad weight: counted as invalid, its issue logged */
  invalidRow(issue: RowIssue): void;
}

/** The sink to read a source into: the Folder itself, or the enrichment in front of it. */
export function foldSink(folder: Folder, plan: FoldPlan): RecordSink {
  return plan.enrich ? enrichedSink(folder, plan.enrich, plan.file) : folder;
}

/** `target` behind the row gate and, with --weight or --per, the reading of both. */
export function enrichedSink(target: EnrichedTarget, plan: EnrichPlan, file: string): RecordSink {
  const inner = plan.weight !== undefined || plan.per !== undefined ? new WeightedSink(target, file, plan) : target;
  return gateSink(inner, plan, { file, issues: target.issues });
}

/** Reads each row's weight and entity and hands it on with them. */
class WeightedSink implements RecordSink {
  private readonly instantOf: ((record: SourceRecord) => number | null) | null = null;

  constructor(
    private readonly target: EnrichedTarget,
    private readonly file: string,
    private readonly plan: EnrichPlan,
  ) {
    if (plan.per?.date) this.instantOf = createInstantReader(plan.per.date, { file, issues: target.issues });
  }

  record(record: SourceRecord): void {
    let weight = 1;
    const w = this.plan.weight;
    if (w) {
      const read = this.weightOf(record, w.index, w.decimalComma);
      if (typeof read === 'string') {
        const value = record.text(w.index);
        this.target.invalidRow(this.issue('bad-weight', record, w.column, value, `column ${JSON.stringify(w.column)}: ${read}`));
        return;
      }
      if (read === 0) {
        this.target.issues.add(this.issue('zero-weight', record, w.column, record.text(w.index), `column ${JSON.stringify(w.column)}: weight 0; the row is left out`));
        this.target.excluded(record.line, 'weight 0');
        return;
      }
      weight = read;
    }
    let entity: string | null = null;
    let at = 0;
    const per = this.plan.per;
    if (per) {
      entity = record.text(per.index).trim();
      if (entity === '') {
        this.target.issues.add(this.issue('excluded-row', record, per.column, '', `column ${JSON.stringify(per.column)}: no value to roll up by (--per); the row is left out`));
        this.target.excluded(record.line, 'no entity');
        return;
      }
      if (this.instantOf) {
        const ms = this.instantOf(record);
        if (ms === null) {
          this.target.excluded(record.line, 'no date');
          return;
        }
        at = ms;
      }
    }
    this.target.recordEnriched(record, weight, entity, at);
  }

  unreadable(line: number, message: string): void {
    this.target.unreadable(line, message);
  }

  excluded(line: number, reason: string): void {
    this.target.excluded(line, reason);
  }

  /** The weight, or why it is not one. */
  private weightOf(record: SourceRecord, index: number, decimalComma: boolean): number | string {
    const small = record.smallInt(index);
    if (small >= 0) return small;
    const text = record.text(index).trim();
    if (text === '') return 'no weight';
    const value = parseDecimal(text, decimalComma);
    if (value === null) return `${JSON.stringify(text)} is not a number`;
    if (!Number.isFinite(value)) return `${JSON.stringify(text)} is not a finite number`;
    if (value < 0) return `${JSON.stringify(text)} is negative`;
    if (value !== 0 && (value > MAX_WEIGHT || value < MIN_WEIGHT)) return `${JSON.stringify(text)} is outside the weights cxm accepts, 1e-100 to 1e100 (weights are relative: rescale them)`;
    return value;
  }

  private issue(code: RowIssue['code'], record: SourceRecord, column: string, value: string, message: string): RowIssue {
    return { code, file: this.file, line: record.line, column, value, message };
  }
}
