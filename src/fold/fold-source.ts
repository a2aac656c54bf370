/**
 * Folding one source, on several threads when it is a large UTF-8 CSV file: the data bytes are cut
 * into ranges, the main thread folds the first while worker threads fold the others with the same
 * reader and Folder, and the partial results merge as Tallies. Every worker's guessed starting point
 * is checked against where the range before it really ended; a wrong guess is read again here.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../model/errors.js';
import type { RowRules } from '../io/layout.js';
import { readSource, type ReadRange, type ReadResult, type Source } from '../io/read-source.js';
import { guessRecordStart } from '../io/split.js';
import { foldSink } from './enriched-sink.js';
import { Folder, type FoldPlan, type FoldResult } from './fold.js';
import { mergeFolds, type FoldPart } from './merge-folds.js';
import { slotReporter, type Progress } from './progress.js';

/** What a worker needs to read its range: plain data only. */
export interface WorkerTask {
  source: { name: string; path: string; delimiter: string; header: string[]; rules: RowRules };
  plan: FoldPlan;
  range: ReadRange;
  /** shared progress counters and this worker's slot */
  progress?: { counters: Float64Array; slot: number };
}

export type WorkerReply =
  | { ok: true; result: FoldResult; read: ReadResult }
  | { ok: false; message: string; line?: number; input: boolean };

export interface FoldOptions {
  /** threads to use; default: the machine's available parallelism */
  threads?: number;
  /** below this many data bytes per thread, one thread reads the file */
  minBytesPerThread?: number;
  progress?: Progress;
}

const DEFAULT_MIN_BYTES_PER_THREAD = 8 * 1024 * 1024;
/** extra share of the main thread, which reads while the workers start (about 50 ms of reading) */
const MAIN_THREAD_HEAD_START = 0.15;

export async function foldSource(source: Source, plan: FoldPlan, options: FoldOptions = {}): Promise<FoldResult> {
  const threads = planThreads(source, options);
  const progress = options.progress;
  if (threads <= 1) return foldRange(source, plan, undefined, progress);

  const size = source.input.size!;
  const dataBytes = size - source.dataOffset;
  // The main thread starts reading at once while workers still boot, so it takes a larger share.
  const weights = [1 + MAIN_THREAD_HEAD_START, ...Array<number>(threads - 1).fill(1)];
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const cuts: number[] = [];
  let acc = 0;
  for (let k = 0; k < threads - 1; k++) {
    acc += weights[k];
    cuts.push(source.dataOffset + Math.floor((dataBytes * acc) / totalWeight));
  }
  const starts = cuts.map((o) => guessRecordStart(source.input.path!, o, source.delimiter!, source.header.length));
  if (starts.some((s) => s === null)) return foldRange(source, plan, undefined, progress);

  const workers = starts.map((start, k) =>
    runWorker({
      source: { name: source.input.name, path: source.input.path!, delimiter: source.delimiter!, header: source.header, rules: source.rules },
      plan,
      range: { start: start!, line: 1, stopAt: k + 1 < cuts.length ? cuts[k + 1] : Number.POSITIVE_INFINITY },
      ...(progress ? { progress: { counters: progress.counters, slot: k + 1 } } : {}),
    }),
  );
  const folder = new Folder(plan);
  const report = slotReporter(progress?.counters, 0, () => folder.counts.rows, progress?.tick);
  const first = await readSource(source, foldSink(folder, plan), folder.issues, { start: source.dataOffset, line: source.dataLine, stopAt: cuts[0] }, report);
  // the main thread is free now: keep the progress display moving while the workers finish
  const timer = progress ? setInterval(progress.tick, 100) : undefined;
  const replies = await Promise.all(workers).finally(() => clearInterval(timer));

  const parts: FoldPart[] = [{ result: folder.result() }];
  let end = first;
  for (let k = 0; k < replies.length; k++) {
    const reply = replies[k];
    if (end.endOffset !== starts[k]) {
      // the guess was wrong (the cut fell inside a quoted field): read the rest here
      parts.push({ result: await foldRange(source, plan, { start: end.endOffset, line: end.endLine, stopAt: Number.POSITIVE_INFINITY }, progress) });
      return mergeFolds(parts);
    }
    if (!reply.ok) {
      const line = reply.line === undefined ? undefined : reply.line + end.endLine - 1;
      if (reply.input) throw new InputError(reply.message, { file: source.input.name, line });
      throw new Error(reply.message);
    }
    parts.push({ result: reply.result, lineOffset: end.endLine - 1 });
    end = { endOffset: reply.read.endOffset, endLine: end.endLine + reply.read.endLine - 1 };
  }
  return mergeFolds(parts);
}

async function foldRange(source: Source, plan: FoldPlan, range?: ReadRange, progress?: Progress): Promise<FoldResult> {
  const folder = new Folder(plan);
  await readSource(source, foldSink(folder, plan), folder.issues, range, slotReporter(progress?.counters, 0, () => folder.counts.rows, progress?.tick));
  return folder.result();
}

function planThreads(source: Source, options: FoldOptions): number {
  const workerFile = workerPath();
  if (!workerFile || source.format !== 'csv' || source.encoding.encoding !== 'utf8') return 1;
  if (source.input.path === null || source.input.size === null) return 1;
  const wanted = options.threads ?? envNumber('CXM_THREADS') ?? os.availableParallelism();
  const minBytes = options.minBytesPerThread ?? envNumber('CXM_MIN_BYTES_PER_THREAD') ?? DEFAULT_MIN_BYTES_PER_THREAD;
  const bySize = Math.floor((source.input.size - source.dataOffset) / Math.max(1, minBytes));
  return Math.max(1, Math.min(wanted, bySize, 16));
}

function envNumber(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The worker script sits beside the built code; when running from sources (tests) there is none. */
function workerPath(): string | null {
  const file = fileURLToPath(new URL('./fold-worker.js', import.meta.url));
  return fs.existsSync(file) ? file : null;
}

function runWorker(task: WorkerTask): Promise<WorkerReply> {
  return new Promise((resolve) => {
    const worker = new Worker(workerPath()!, { workerData: task });
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      resolve(reply);
    });
    worker.once('error', (error) => {
      if (!settled) resolve({ ok: false, message: error.message, input: false });
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) resolve({ ok: false, message: `worker stopped with code ${code}`, input: false });
    });
  });
}
