/**
 * Progress of a long read, shared with worker threads: each thread writes its bytes and rows read into
 * its own pair of slots of a SharedArrayBuffer; the main thread sums them when it draws. Nothing here
 * draws: the command line decides whether and how to show it.
 */

export class Progress {
  /** [bytes, rows] per thread slot */
  readonly counters: Float64Array;
  /** bytes and rows of inputs already finished */
  doneBytes = 0;
  doneRows = 0;

  constructor(
    readonly totalBytes: number,
    /** called on the main thread after each chunk and while waiting for workers (throttle inside) */
    readonly tick: () => void,
    slots = 64,
  ) {
    this.counters = new Float64Array(new SharedArrayBuffer(slots * 2 * Float64Array.BYTES_PER_ELEMENT));
  }

  get bytes(): number {
    let b = this.doneBytes;
    for (let i = 0; i < this.counters.length; i += 2) b += this.counters[i];
    return b;
  }

  get rows(): number {
    let r = this.doneRows;
    for (let i = 1; i < this.counters.length; i += 2) r += this.counters[i];
    return r;
  }

  /** An input is finished: fold its counters into the totals. */
  finishInput(bytes: number, rows: number): void {
    this.counters.fill(0);
    this.doneBytes += bytes;
    this.doneRows += rows;
  }
}

/** The per-chunk callback of one thread's slot. */
export function slotReporter(counters: Float64Array | undefined, slot: number, rows: () => number, tick?: () => void): ((bytes: number) => void) | undefined {
  if (!counters) return undefined;
  return (bytes) => {
    counters[2 * slot] = bytes;
    counters[2 * slot + 1] = rows();
    tick?.();
  };
}
