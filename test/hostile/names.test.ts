/**
 * Names from data that are also names of Object.prototype's members: columns (CSV headers, JSON keys,
 * join columns) and segment values named `constructor`, `__proto__`, `toString`, `valueOf` or
 * `hasOwnProperty`, through every command. Looked up on a plain `{}` they found the prototype's
 * functions (exit 3 in 21 commands) or, assigned, set the prototype (a group with no value).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];
const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (f: string) => path.join(dir, f);

// every name is a column, and every column's values are names too
const rows = Array.from({ length: 40 }, (_, i) => [String(i % 11), `2026-0${1 + (i % 3)}-1${i % 9}`, `comment ${i}`, ...NAMES.map((_, j) => NAMES[(i + j) % NAMES.length])]);
writeFileSync(at('a.csv'), `${['nps', 'submitted_at', 'comment', ...NAMES].join(',')}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
writeFileSync(at('b.csv'), `${['nps', 'submitted_at', 'comment', ...NAMES].join(',')}\n${rows.reverse().map((r) => r.join(',')).join('\n')}\n`);
writeFileSync(at('a.json'), JSON.stringify(rows.map((r) => Object.fromEntries([['nps', Number(r[0])], ['submitted_at', r[1]], ['comment', r[2]], ...NAMES.map((n, j) => [n, r[3 + j]])]))));
writeFileSync(at('join.csv'), `${NAMES.join(',')},tier\n${NAMES.map((_, i) => `${NAMES.map((_, j) => NAMES[(i + j) % NAMES.length]).join(',')},t${i}`).join('\n')}\n`);
writeFileSync(at('tags.json'), '{"constructor": ["comment 1"], "__proto__": ["/comment 2/"], "toString": ["comment 3"]}');

/** Each command with a column name in every place a name goes. */
const commands = (name: string, other: string, input: string): string[][] => [
  ['score', at(input), '--by', name],
  ['score', at(input), '--by', `${name},${other}`],
  ['score', at(input), '--per', name],
  ['score', at(input), '--by', name, '--emit', 'tallies'],
  ['score', at(input), '--join', at('join.csv'), '--on', name, '--by', 'tier'],
  ['score', at(input), '--join', at('join.csv'), '--on', other, '--by', name],
  ['score', at(input), '--tags', at('tags.json'), '--by', 'tag'],
  ['crosstab', at(input), '--rows', name, '--cols', other],
  ['trend', at(input), '--every', 'month', '--by', name],
  ['compare', at(input), at('b.csv'), '--by', name],
  ['drivers', at(input), '--by', name],
  ['check', at(input), '--by', name, '--min', 'nps=-100'],
  ['followup', at(input), '--by', name],
  ['report', at(input), '--by', name, '--every', 'month'],
  ['inspect', at(input)],
  ['sql', '--dialect', 'duckdb', '--from', 't', '--nps', 'nps', '--by', name],
];

describe('columns and values named like Object.prototype members', () => {
  it('run every command with exit 0 and keep the name as a key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES), fc.constantFrom('a.csv', 'a.json'), fc.constantFrom('json', 'csv', 'table'), async (name, other, input, format) => {
        fc.pre(name !== other);
        for (const args of commands(name, other, input)) {
          const withFormat = args[0] === 'sql' || args.includes('--emit') ? args : [...args, '--format', args[0] === 'report' ? 'markdown' : format];
          const r = await runCli([...withFormat, '--quiet'].filter((a) => !(args[0] === 'sql' && a === '--quiet')));
          expect(r.code, `${withFormat.join(' ')}: ${r.stderr}`).toBe(0);
          expect(r.stderr).toBe('');
          const by = args.includes('--by') ? args[args.indexOf('--by') + 1].split(',') : [];
          if (format === 'json' && args[0] === 'score' && by.includes(name) && !args.includes('--emit')) {
            const groups = JSON.parse(r.stdout).rows.map((row: { group: Record<string, string> }) => row.group);
            expect(groups.some((g: Record<string, string>) => Object.hasOwn(g, name) && NAMES.includes(g[name])), `${withFormat.join(" ")}: ${JSON.stringify(groups)}`).toBe(true);
          }
        }
      }),
      { numRuns: 12, seed: 15 },
    );
  }, 300_000);
});
