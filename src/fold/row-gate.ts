/**
 * The row gate: which rows a run considers, and the columns the join adds to them. In order: the
 * --join row is appended (a response without a match keeps blank joined columns and is logged as
 * `unmatched-join`), --where is tested, then --since/--until on the date column (a row without a
 * usable date is logged and left out). Before all that, a row the duplicate check left out (by line,
 * duplicates.ts). A row the gate refuses is excluded — counted by the sink behind
 * it, with the reason `where` or `date`.
 *
 * One implementation for every reader of rows: the fold puts it in front of the Folder (enriched-sink.ts),
 * followup's list and report's comment sample in front of their collector, so a list and a score of
 * the same flags are about the same rows. Nothing is put in front when no option asks for it: a plain
 * fold reads straight into the Folder.
 */
import { JoinedRecord } from '../io/joined-record.js';
import type { RecordSink, SourceRecord } from '../io/record.js';
import { createDayReader, type DateReaderContext } from '../time/date-dimension.js';
import type { GatePlan } from './enrich-plan.js';
import { compileWhere } from './where-gate.js';

/** Whether a plan asks the gate for anything. */
export function hasGate(plan: GatePlan | undefined): plan is GatePlan {
  return plan !== undefined && (plan.join !== undefined || plan.where !== undefined || plan.dates !== undefined || plan.drop !== undefined);
}

export class RowGate {
  private readonly joined: JoinedRecord | null = null;
  private readonly table: Map<string, string[]> | null = null;
  private readonly where: ((record: SourceRecord) => boolean) | null = null;
  private readonly drop: Set<number> | null = null;
  private readonly dayOf: ((record: SourceRecord) => number | null) | null = null;
  private readonly first: number;
  private readonly last: number;

  constructor(
    private readonly plan: GatePlan,
    private readonly context: DateReaderContext,
    /** how a refused row is counted */
    private readonly exclude: (line: number, reason: string) => void,
  ) {
    if (plan.join) {
      this.joined = new JoinedRecord(plan.join.base, plan.join.width);
      this.table = new Map(plan.join.rows);
    }
    if (plan.where) this.where = compileWhere(plan.where);
    if (plan.drop) this.drop = new Set(plan.drop);
    this.first = plan.dates?.first ?? Number.NEGATIVE_INFINITY;
    this.last = plan.dates?.last ?? Number.POSITIVE_INFINITY;
    if (plan.dates) this.dayOf = createDayReader(plan.dates.date, context);
  }

  /** The row as the run sees it (with its join row), or null when the gate left it out (counted). */
  pass(raw: SourceRecord): SourceRecord | null {
    if (this.drop?.has(raw.line)) {
      this.exclude(raw.line, 'duplicate');
      return null;
    }
    let record = raw;
    if (this.joined) record = this.join(raw);
    if (this.where && !this.where(record)) {
      this.exclude(record.line, 'where');
      return null;
    }
    if (this.dayOf) {
      const day = this.dayOf(record);
      if (day === null || day < this.first || day > this.last) {
        this.exclude(record.line, 'date');
        return null;
      }
    }
    return record;
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
      const { file, issues } = this.context;
      issues.add({ code: 'unmatched-join', file, line: raw.line, column: join.column, value: key, message: `column ${JSON.stringify(join.column)}: ${what} in ${join.file}` });
    }
    return joined;
  }
}

/** `sink` behind the gate of `plan`; `sink` itself when the plan asks for nothing. */
export function gateSink(sink: RecordSink, plan: GatePlan | undefined, context: DateReaderContext): RecordSink {
  return hasGate(plan) ? new GatedSink(sink, plan, context) : sink;
}

class GatedSink implements RecordSink {
  private readonly gate: RowGate;

  constructor(
    private readonly sink: RecordSink,
    plan: GatePlan,
    context: DateReaderContext,
  ) {
    this.gate = new RowGate(plan, context, (line, reason) => sink.excluded(line, reason));
  }

  record(raw: SourceRecord): void {
    const record = this.gate.pass(raw);
    if (record !== null) this.sink.record(record);
  }

  unreadable(line: number, message: string): void {
    this.sink.unreadable(line, message);
  }

  excluded(line: number, reason: string): void {
    this.sink.excluded(line, reason);
  }
}
