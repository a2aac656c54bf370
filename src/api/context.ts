/**
 * What a run gets from around it besides its options: where standard input (the file `-`) comes from,
 * and a progress display. The command line passes its own streams and bar; a library caller may pass
 * nothing (standard input is then the process's, and only touched when a file is `-`).
 */
import type { ProgressDisplay } from '../fold/load.js';

export interface RunContext {
  /** read for the file `-` (default: process.stdin) */
  stdin?: NodeJS.ReadableStream;
  /** told about the reading of large inputs (default: nothing shown) */
  progress?: ProgressDisplay;
}

/** The stream a run reads `-` from: the given one, else the process's when `-` is among the files. */
export function stdinOf(context: RunContext, files: readonly string[]): NodeJS.ReadableStream | undefined {
  return context.stdin ?? (files.includes('-') ? process.stdin : undefined);
}
