/**
 * Where -o writes: `-` is standard output; a missing directory is created (as `mkdir -p`), or refused
 * with --no-mkdir; a file whose extension belongs to another of cxm's formats is refused (a
 * Markdown report in `weekly.html` would open as a broken page). The atomic write is io/write-output.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.js';

/** The formats a file extension stands for; JSON-based formats (json, later slack/teams payloads) may use `.json`. */
const EXTENSION_FORMATS: Record<string, string[]> = {
  '.html': ['html'],
  '.htm': ['html'],
  '.md': ['markdown'],
  '.markdown': ['markdown'],
  '.csv': ['csv'],
  '.json': ['json', 'slack', 'teams'],
  '.xml': ['junit'],
};

/** Whether -o names standard output. */
export const isStdout = (output: string | undefined): boolean => output === '-';

/** Refuses an output file whose extension is another format's; other extensions (`.txt`, none) take any. */
export function checkOutputExtension(output: string, format: string | undefined): void {
  if (format === undefined) return;
  const ext = path.extname(output).toLowerCase();
  const formats = EXTENSION_FORMATS[ext];
  if (formats && !formats.includes(format)) {
    const wanted = Object.entries(EXTENSION_FORMATS).find(([, f]) => f.includes(format))?.[0];
    throw new UsageError(`-o ${output}: a ${ext} file, but --format ${format}`, wanted ? `write ${format} to a ${wanted} file, or give --format ${formats[0]}` : `give --format ${formats[0]}, or another file name`);
  }
}

/** Creates the output's directory when missing; with `mkdir` false (--no-mkdir) a missing one is an error. */
export function prepareOutputDirectory(output: string, mkdir: boolean): void {
  const dir = path.dirname(output);
  if (fs.existsSync(dir)) return;
  if (!mkdir) throw new UsageError(`directory ${dir}${dir.endsWith('/') ? '' : '/'} does not exist`, 'create it, or drop --no-mkdir to have cxm create it');
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    // not creatable (permissions, a file in the way): the write reports it, naming the output file
  }
}
