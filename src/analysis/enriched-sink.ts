/**
 * Between the reader and the Folder when a fold is enriched: appends the --join row, applies the row
 * gate (--where, then --since/--until on the date column), reads the --weight and the --per entity,
 * and hands the row on. A plain fold gets the Folder itself as its sink, so none of this costs a thing
 * when no option asks for it. Rows the gate refuses are excluded (counted); a bad weight makes the row
 * invalid (counted, reported); weight 0 excludes it (counted, reported).
 */
import type { RowIssue } from '../model/issues.js';
import { JoinedRecord } from '../io/joined-record.js';
import type { RecordSink } from '../io/read-source.js';
import type { SourceRecord } from '../io/record.js';
import { parseDecimal } from '../io/values.js';
import { createDayReader } from './date-dimension.js';
import { createInstantReader } from './instant-reader.js';
import type { EnrichPlan } from './enrich-plan.js';
import type { Folder, FoldPlan } from './fold.js';
import { compileWhere } from './where-gate.js';

/** The sink to read a source into: the Folder itself, or the enrichment in front of it. */
export function foldSink(folder: Folder, plan: FoldPlan): RecordSink {
  return plan.enrich ? new EnrichedSink(folder, plan.file, plan.enrich) : folder;
}

class EnrichedSink implements RecordSink {
  private readonly joined: JoinedRecord | null = null;
  private readonly table: Map<string, string[]> | null = null;
  private readonly where: ((record: SourceRecord) => boolean) | null = null;
  private readonly dayOf: ((record: SourceRecord) => number | null) | null = null;
  private readonly first: number;
  private readonly last: number;
  private readonly instantOf: ((record: SourceRecord) => number | null) | null = null;
  /** rows go to recordEnriched (a weight or an entity to pass), else to the plain record() */
  private readonly enriched: boolean;

  constructor(
    private readonly folder: Folder,
    private readonly file: string,
    private readonly plan: EnrichPlan,
  ) {
    const context = { file, issues: folder.issues };
    if (plan.join) {
      this.joined = new JoinedRecord(plan.join.base, plan.join.width);
      this.table = new Map(plan.join.rows);
    }
    if (plan.where) this.where = compileWhere(plan.where);
    this.first = plan.dates?.first ?? Number.NEGATIVE_INFINITY;
    this.last = plan.dates?.last ?? Number.POSITIVE_INFINITY;
    if (plan.dates) this.dayOf = createDayReader(plan.dates.date, context);
    if (plan.per?.date) this.instantOf = createInstantReader(plan.per.date, context);
    this.enriched = plan.weight !== undefined || plan.per !== undefined;
  }

  record(raw: SourceRecord): void {
    let record = raw;
    if (this.joined) record = this.join(raw);
    if (this.where && !this.where(record)) return this.folder.excluded(record.line, 'where');
    if (this.dayOf) {
      const day = this.dayOf(record);
      if (day === null || day < this.first || day > this.last) return this.folder.excluded(record.line, 'date');
    }
    if (!this.enriched) return this.folder.record(record);
    let weight = 1;
    const w = this.plan.weight;
    if (w) {
      const read = this.weightOf(record, w.index, w.decimalComma);
      if (typeof read === 'string') {
        const value = record.text(w.index);
        return this.folder.invalidRow(this.issue('bad-weight', record, w.column, value, `column ${JSON.stringify(w.column)}: ${read}`));
      }
      if (read === 0) {
        this.folder.issues.add(this.issue('zero-weight', record, w.column, record.text(w.index), `column ${JSON.stringify(w.column)}: weight 0; the row is left out`));
        return this.folder.excluded(record.line, 'weight 0');
      }
      weight = read;
    }
    let entity: string | null = null;
    let at = 0;
    const per = this.plan.per;
    if (per) {
      entity = record.text(per.index).trim();
      if (entity === '') {
        this.folder.issues.add(this.issue('excluded-row', record, per.column, '', `column ${JSON.stringify(per.column)}: no value to roll up by (--per); the row is left out`));
        return this.folder.excluded(record.line, 'no entity');
      }
      if (this.instantOf) {
        const ms = this.instantOf(record);
        if (ms === null) return this.folder.excluded(record.line, 'no date');
        at = ms;
      }
    }
    this.folder.recordEnriched(record, weight, entity, at);
  }

  unreadable(line: number, message: string): void {
    this.folder.unreadable(line, message);
  }

  excluded(line: number, reason: string): void {
    this.folder.excluded(line, reason);
  }

  /** The response with its join row (blank columns and an `unmatched-join` issue when there is none). */
  private join(raw: SourceRecord): SourceRecord {
    const join = this.plan.join!;
    const joined = this.joined!;
    const key = raw.text(join.index).trim();
    joined.inner = raw;
    joined.row = this.table!.get(key) ?? null;
    if (joined.row === null) {
      const what = key === '' ? 'no key' : `${JSON.stringify(key)} has no match`;
      this.folder.issues.add(this.issue('unmatched-join', raw, join.column, key, `column ${JSON.stringify(join.column)}: ${what} in ${join.file}`));
    }
    return joined;
  }

  /** The weight, or why it is not one. */
  private weightOf(record: SourceRecord, index: number, decimalComma: boolean): number | string {
    const small = record.smallInt(index);
    if (small >= 0) return small;
    const text = record.text(index).trim();
    if (text === '') return 'no weight';
    const value = parseDecimal(text, decimalComma);
    if (value === null) return `${JSON.stringify(text)} is not a number`;
    if (!Number.isFinite(value * value)) return `${JSON.stringify(text)} is not a finite number (or too large to square)`;
    if (value < 0) return `${JSON.stringify(text)} is negative`;
    return value;
  }

  private issue(code: RowIssue['code'], record: SourceRecord, column: string, value: string, message: string): RowIssue {
    return { code, file: this.file, line: record.line, column, value, message };
  }
}
