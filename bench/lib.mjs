// What the bench scripts share: medians, timed runs of a command, and TypeScript modules of the
// project loaded by bundling them with esbuild (a devDependency) into a temporary file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs a command; returns wall seconds, peak RSS in MB (when /usr/bin/time exists), stdout and the exit code. */
export function measure(cmd, cmdArgs, env = {}, { check = true } = {}) {
  const started = process.hrtime.bigint();
  const full = TIME ? [TIME, ['-f', '__RSS__ %M', cmd, ...cmdArgs]] : [cmd, cmdArgs];
  const r = spawnSync(full[0], full[1], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (check && r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed:\n${r.stderr}`);
  const rss = /__RSS__ (\d+)/.exec(r.stderr);
  return { wall, rssMb: rss ? Number(rss[1]) / 1024 : null, stdout: r.stdout, code: r.status };
}

/** Imports a TypeScript module of the project (bundled with its imports into a temporary .mjs). */
export async function importTs(relative) {
  const { build } = await import('esbuild');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cxm-bench-ts-')), `${path.basename(relative, '.ts')}.mjs`);
  await build({ entryPoints: [path.join(root, relative)], outfile: out, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
  return import(pathToFileURL(out).href);
}

export const fmt = (x, d = 2) => (x === null || x === undefined ? '–' : x.toFixed(d));
