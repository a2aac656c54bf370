/**
 * Inputs that made cxm crash (exit 3) where exit 0 or 2 is right: tag names equal once trimmed,
 * `report -` ending early while standard input still flows, a closed standard input, and dates in the
 * years 0000 and 9999 read in a time zone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const bin = path.resolve('bin/cxm.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-crashes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};
const data = write('c.csv', 'submitted_at,nps,comment\n2026-01-05,9,refund please\n2026-01-12,3,slow app\n');

describe('tag rules', () => {
  it('two names equal once trimmed are an error naming both, exit 2', async () => {
    const tags = write('dup-tags.json', '{"billing": ["refund"], "billing ": ["invoice"]}');
    const r = await runCli(['score', data, '--tags', tags, '--by', 'tag']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`cxm: ${tags}: tag "billing ": the same name as tag "billing" once spaces are trimmed`);
  });

  it('a blank name, or one holding U+001E (the separator of a tag set), is an error', async () => {
    for (const name of ['  ', 'a\\u001eb']) {
      const tags = write('bad-tag.json', `{"${name}": ["refund"]}`);
      const r = await runCli(['score', data, '--tags', tags, '--by', 'tag']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/: not a usable tag name\n/);
    }
  });
});

describe('standard input', () => {
  const many = `submitted_at,nps\n${'2026-01-05,9\n'.repeat(100_000)}`; // more than the first read
  it('`report -` with a bad --by while standard input still flows: the error, exit 2', () => {
    const r = spawnSync(process.execPath, [bin, 'report', '-', '--by', 'nosuch', '-o', path.join(dir, 'r.html')], { input: many, encoding: 'utf8' });
    expect(r.stderr.split('\n')[0]).toBe('cxm: stdin: --by: no column "nosuch"');
    expect(r.status).toBe(2);
  });

  it('a closed standard input (<&-) is exit 2 for score and report', () => {
    for (const command of ['score -', `report - -o ${path.join(dir, 'r.html')}`]) {
      const r = spawnSync('bash', ['-c', `node ${bin} ${command} <&-`], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^cxm: stdin: /);
    }
  });
});

describe('years outside 1900–2200', () => {
  const years = write('years.csv', 'submitted_at,nps,comment\n0000-01-05T10:00:00Z,9,x\n9999-12-31T23:00:00Z,7,y\n2026-01-01T12:00:00Z,3,z\n');
  for (const args of [['trend', '--every', 'month'], ['trend', '--every', 'day'], ['report', '--every', 'month', '-o', path.join(dir, 'y.html')], ['followup']]) {
    it(`are unreadable dates with their lines, not a crash: ${args[0]} ${args[2] ?? ''} --tz Pacific/Auckland`, async () => {
      const r = await runCli([args[0], years, ...args.slice(1), '--tz', 'Pacific/Auckland']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('years.csv:2: column "submitted_at": "0000-01-05T10:00:00Z" is not a date cxm can read');
      expect(r.stderr).toContain('years.csv:3: column "submitted_at": "9999-12-31T23:00:00Z" is not a date cxm can read');
      expect(r.stdout).not.toMatch(/00-1|10000/);
    });
  }
});
