/**
 * A worker thread's whole job: read one byte range of a CSV file with the same reader and Folder as
 * the main thread, and post back the Tallies.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../model/errors.js';
import { readSource, type Source } from '../io/read-source.js';
import { foldSink } from './enriched-sink.js';
import { Folder } from './fold.js';
import { slotReporter } from './progress.js';
import type { WorkerReply, WorkerTask } from './fold-source.js';

async function main(task: WorkerTask): Promise<WorkerReply> {
  const source: Source = {
    input: {
      name: task.source.name,
      path: task.source.path,
      size: null,
      head: Buffer.alloc(0),
      complete: false,
      extendHead: async () => undefined,
      chunks: () => {
        throw new Error('a worker reads by range');
      },
    },
    encoding: { encoding: 'utf8', bomLength: 0, by: 'declared' },
    format: 'csv',
    delimiter: task.source.delimiter,
    layout: 'generic',
    layoutEvidence: '',
    header: task.source.header,
    labels: [],
    timeZones: [],
    rules: task.source.rules,
    hints: [],
    headerRows: 0,
    dataOffset: task.range.start,
    dataLine: task.range.line,
    preview: [],
    notes: [],
  };
  const folder = new Folder(task.plan);
  try {
    const report = slotReporter(task.progress?.counters, task.progress?.slot ?? 0, () => folder.counts.rows);
    const read = await readSource(source, foldSink(folder, task.plan), folder.issues, task.range, report);
    return { ok: true, result: folder.result(), read };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, message: error.message, line: error.place?.line, input: true };
    return { ok: false, message: error instanceof Error ? error.message : String(error), input: false };
  }
}

main(workerData as WorkerTask).then((reply) => parentPort!.postMessage(reply));
