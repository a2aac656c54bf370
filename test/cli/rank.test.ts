/**
 * `cxm rank` on the command line: the JSON v1 contract, same seed same bytes, tally files giving the
 * table the responses give, the funnel plot as SVG, --where and --per, the no-spread report, and the
 * usage errors (exit 2, one line).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { allElements, parseXml, textContent } from '../xml.js';

const FIXTURE = 'fixtures/rank/airlines.csv';
const ARGS = ['rank', FIXTURE, '--by', 'airline', '--metric', 'nps', '--k', '5'];
const dir = mkdtempSync(join(tmpdir(), 'cxm-rank-'));

describe('cxm rank', () => {
  it('writes JSON v1 rows with exactly the contract fields, best first', async () => {
    const r = await runCli([...ARGS, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { cxm: number; command: string; settings: { draws: number; seed: number; k: number }; rows: Record<string, unknown>[] };
    expect(json).toMatchObject({ cxm: 1, command: 'rank', settings: { draws: 1000, seed: 1, k: 5 } });
    expect(json.rows).toHaveLength(60);
    for (const row of json.rows) expect(Object.keys(row)).toEqual(['metric', 'group', 'n', 'raw', 'value', 'lower', 'upper', 'rank', 'rankLower', 'rankUpper', 'pTop', 'pBottom', 'outside']);
    const ranks = json.rows.map((x) => x.rank as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const values = json.rows.map((x) => x.value as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // P(top 5) sums to 5 over the units (each draw has exactly 5 units in its top 5, no ties in continuous draws)
    expect(json.rows.reduce((s, x) => s + (x.pTop as number), 0)).toBeCloseTo(5, 9);
  });

  it('gives the same bytes for the same seed, and other draws for another seed', async () => {
    const a = await runCli([...ARGS, '--format', 'csv']);
    const b = await runCli([...ARGS, '--format', 'csv']);
    const c = await runCli([...ARGS, '--format', 'csv', '--seed', '2']);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    // the posterior means do not depend on the seed
    const value = (out: string) => out.split('\n').slice(1, 4).map((l) => l.split(',')[4]);
    expect(value(c.stdout)).toEqual(value(a.stdout));
  });

  it('ranks tally files exactly as it ranks the responses they count', async () => {
    const tallies = join(dir, 'tallies.csv');
    const emitted = await runCli(['score', FIXTURE, '--by', 'airline', '--emit', 'tallies', '-o', tallies]);
    expect(emitted.code, emitted.stderr).toBe(0);
    const fromRows = await runCli(ARGS);
    const fromTallies = await runCli(['rank', '--tallies', tallies, '--by', 'airline', '--metric', 'nps', '--k', '5']);
    expect(fromTallies.code, fromTallies.stderr).toBe(0);
    expect(fromTallies.stdout).toBe(fromRows.stdout);
  });

  it('draws the funnel plot as SVG, naming the units outside the limits', async () => {
    const r = await runCli([...ARGS, '--format', 'svg']);
    expect(r.code, r.stderr).toBe(0);
    const svg = parseXml(r.stdout);
    expect(svg.name).toBe('svg');
    const json = JSON.parse((await runCli([...ARGS, '--format', 'json'])).stdout) as { rows: { group: { airline: string }; outside: string | null }[] };
    const outside = json.rows.filter((x) => x.outside !== null);
    expect(outside.length).toBeGreaterThan(3);
    const desc = textContent(allElements(svg).find((e) => e.name === 'desc')!);
    for (const o of outside) expect(desc).toContain(`${o.group.airline} (NPS, ${o.outside})`);
    expect(allElements(svg).filter((e) => e.name === 'circle')).toHaveLength(60);
  });

  it('escapes unit names in the SVG', async () => {
    const file = join(dir, 'hostile.csv');
    writeFileSync(file, `store,nps\n${Array.from({ length: 40 }, (_, i) => `${i % 2 ? '<b>&"x"' : 'ok'},${i % 11}`).join('\n')}\n`);
    const r = await runCli(['rank', file, '--by', 'store', '--format', 'svg']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('<b>');
    expect(() => parseXml(r.stdout)).not.toThrow();
  });

  it('reports units that differ no more than chance, and ranks what --where keeps', async () => {
    const file = join(dir, 'same.csv');
    // every store has the same answers: no spread between units
    const rows = ['store,nps'];
    for (const s of ['a', 'b', 'c', 'd', 'e', 'f']) for (const v of [0, 3, 6, 7, 8, 9, 10, 10, 9, 10]) rows.push(`${s},${v}`);
    writeFileSync(file, `${rows.join('\n')}\n`);
    const r = await runCli(['rank', file, '--by', 'store', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { settings: { priors: { noSpread: boolean }[] }; warnings: { code: string }[]; rows: { value: number }[] };
    expect(json.settings.priors[0].noSpread).toBe(true);
    expect(json.warnings.map((w) => w.code)).toContain('rank-no-spread');
    const table = await runCli(['rank', file, '--by', 'store']);
    expect(table.stdout).toContain('no spread between units');
    const kept = await runCli([...ARGS, '--where', 'cabin = Business', '--format', 'json']);
    const all = readFileSync(FIXTURE, 'utf8').split('\n').filter((l) => l.includes(',Business,'));
    const n = (JSON.parse(kept.stdout) as { rows: { n: number }[] }).rows.reduce((s, x) => s + x.n, 0);
    expect(n).toBe(all.length);
  });

  it('refuses a missing or double --by and a bad --k with exit 2 and one line', async () => {
    for (const args of [['rank', FIXTURE], ['rank', FIXTURE, '--by', 'airline,cabin'], [...ARGS.slice(0, 4), '--k', '0'], [...ARGS.slice(0, 4), '--k', '150%'], [...ARGS.slice(0, 4), '--k', 'many']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/^cxm: /);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });
});
