import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandGlobs, matchGlob } from '../../src/io/glob.js';

function tree(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-glob-'));
  for (const f of ['2026-01.csv', '2026-02.csv', '2026-10.csv', 'notes.txt', '.hidden.csv', 'a/2026-03.csv', 'b/2026-04.csv', 'b/x.json']) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), 'nps\n9\n');
  }
  return dir;
}

describe('file patterns', () => {
  it('matches * and ? within a segment, sorted, without hidden files', () => {
    const dir = tree();
    expect(matchGlob(`${dir}/*.csv`)).toEqual(['2026-01.csv', '2026-02.csv', '2026-10.csv'].map((f) => `${dir}/${f}`));
    expect(matchGlob(`${dir}/2026-0?.csv`)).toEqual(['2026-01.csv', '2026-02.csv'].map((f) => `${dir}/${f}`));
    expect(matchGlob(`${dir}/.*.csv`)).toEqual([`${dir}/.hidden.csv`]);
  });

  it('matches in directories too, and only files at the end', () => {
    const dir = tree();
    expect(matchGlob(`${dir}/*/*.csv`)).toEqual([`${dir}/a/2026-03.csv`, `${dir}/b/2026-04.csv`]);
    expect(matchGlob(`${dir}/*`)).not.toContain(`${dir}/a`);
  });

  it('works with relative patterns', () => {
    expect(matchGlob('fixtures/compare/*.csv')).toEqual(['fixtures/compare/2026-q1.csv', 'fixtures/compare/2026-q2.csv']);
    expect(matchGlob('./fixtures/compare/????-q1.csv')).toEqual(['./fixtures/compare/2026-q1.csv']);
  });

  it('keeps plain names as they are, drops repeats, and refuses a pattern that matches nothing', () => {
    const dir = tree();
    expect(expandGlobs([`${dir}/2026-01.csv`, `${dir}/2026-0*.csv`, 'missing.csv'], '--current')).toEqual([
      `${dir}/2026-01.csv`,
      `${dir}/2026-02.csv`,
      'missing.csv',
    ]);
    expect(() => expandGlobs([`${dir}/*.xlsx`], '--baseline')).toThrow(`--baseline: no file matches "${dir}/*.xlsx"`);
  });
});
