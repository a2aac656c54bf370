/**
 * Memory stays bounded on hostile input: the built cxm runs each large hostile file in a child process
 * that reports its peak resident memory (peak-rss.mjs), which must stay under a generous bound.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE, writeHostileFiles } from './files.js';

/** Node itself takes ~50 MB; the worst case measured (a record at the limit) ~135 MB. */
const BOUND_MB = 320;
const cases = HOSTILE.filter((h) => h.heavy || /random|deep|wide/.test(h.file));
const dir = writeHostileFiles(cases);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function peakRss(args: string[]): { code: number | null; mb: number; stderr: string } {
  const r = spawnSync(process.execPath, [path.resolve('test/hostile/peak-rss.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], encoding: 'utf8' });
  return { code: r.status, mb: Number(r.output[3]) / (1024 * 1024), stderr: r.stderr };
}

describe('memory on hostile input', () => {
  for (const h of cases) {
    it(`${h.name}: exit ${h.code} under ${BOUND_MB} MB`, () => {
      const r = peakRss(['score', path.join(dir, h.file), '--format', 'csv']);
      expect(r.code, r.stderr).toBe(h.code);
      expect(r.mb).toBeGreaterThan(10); // the wrapper reported
      expect(r.mb).toBeLessThan(BOUND_MB);
    });
  }
});
