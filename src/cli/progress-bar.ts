/**
 * The progress bar on stderr for long reads: bytes read of total, rows per second, time left. Shown
 * only when stderr is a terminal, not in CI, not with --no-progress, and only for large inputs; drawn
 * at most ten times a second and erased when reading ends, so nothing of it stays in the output.
 */
import type { ProgressDisplay } from '../fold/load.js';
import type { Progress } from '../fold/progress.js';
import type { RunContext } from '../api/context.js';
import type { CliIo } from './io.js';

const MIN_BYTES = 64 * 1024 * 1024;
const WIDTH = 24;

function size(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  return `${(bytes / 1e6).toFixed(0)} MB`;
}

function rate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)}M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(0)}k`;
  return perSecond.toFixed(0);
}

/** Whether a bar may be shown at all: a terminal, not CI, not turned off. */
export function progressAllowed(io: CliIo, flag: boolean): boolean {
  return flag && io.stderr.isTTY === true && !io.env.CI;
}

export function progressBar(io: CliIo, flag: boolean, now: () => number = () => performance.now()): ProgressDisplay {
  let progress: Progress | null = null;
  let started = 0;
  let drawn = 0;
  const minBytes = Number(io.env.CXM_PROGRESS_MIN_BYTES ?? MIN_BYTES);
  return {
    start(p) {
      if (!progressAllowed(io, flag) || p.totalBytes < minBytes) return false;
      progress = p;
      started = now();
      return true;
    },
    tick() {
      if (!progress) return;
      const t = now();
      if (t - drawn < 100) return;
      drawn = t;
      const seconds = (t - started) / 1000;
      const done = Math.min(progress.bytes, progress.totalBytes);
      const fraction = progress.totalBytes ? done / progress.totalBytes : 0;
      const filled = Math.round(fraction * WIDTH);
      const left = fraction > 0.02 ? (seconds / fraction) * (1 - fraction) : null;
      const line = `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${size(done)} of ${size(progress.totalBytes)}  ${rate(seconds > 0 ? progress.rows / seconds : 0)} rows/s${left === null ? '' : `  ETA ${Math.ceil(left)}s`}`;
      io.stderr.write(`\r${line}\u001b[K`);
    },
    end() {
      if (progress && drawn > 0) io.stderr.write('\r\u001b[K');
      progress = null;
    },
  };
}

/** What a run gets from the process: standard input, and the bar unless --no-progress. */
export function runContext(io: CliIo, flag: boolean): RunContext {
  return { stdin: io.stdin, progress: progressBar(io, flag) };
}
