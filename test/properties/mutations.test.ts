/**
 * Random damage to real exports never makes cxm fail inside: byte flips, truncations, duplicated,
 * deleted and swapped lines, inserted quotes, NUL bytes and stray bytes — through the command line in
 * process, on small exports of every layout. Any exit code but 3 (internal error), no exception. (The
 * time damaged exports take is measured by `npm run bench`, bench/hostile.mjs: no clock in a test.)
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { fuzzParameters, fuzzTimeout } from './fuzz.js';

const EXPORTS = [
  'fixtures/responses.csv',
  'fixtures/exports/qualtrics.csv',
  'fixtures/exports/qualtrics.tsv',
  'fixtures/exports/surveymonkey.csv',
  'fixtures/exports/typeform.json',
  'fixtures/exports/generic.ndjson',
  'fixtures/exports/zendesk.json',
  'fixtures/exports/intercom.json',
  'fixtures/exports/microsoft-forms-ansi.csv',
  'fixtures/exports/excel-european.csv',
  'fixtures/exports/delighted.json',
  'fixtures/exports/google-forms.csv',
];
const ORIGINALS = EXPORTS.map((f) => readFileSync(f));

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-mutations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Mutation = (bytes: Buffer) => Buffer;

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const at = (bytes: Buffer, p: number) => Math.floor(p * bytes.length);
const insert = (bytes: Buffer, p: number, what: Buffer) => Buffer.concat([bytes.subarray(0, at(bytes, p)), what, bytes.subarray(at(bytes, p))]);

function lines(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      out.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(position, fc.integer({ min: 0, max: 255 })).map(([p, v]): Mutation => (b) => {
    const c = Buffer.from(b);
    if (c.length) c[at(c, p)] = v;
    return c;
  }),
  position.map((p): Mutation => (b) => b.subarray(0, at(b, p))),
  fc.tuple(position, fc.constantFrom('"', '\u0000', '\r', '\n', ',', ';', '\t', '{', '[', ']', '}', '\ufeff', '""', '\u001b[2J', '=1+1')).map(
    ([p, s]): Mutation => (b) => insert(b, p, Buffer.from(s, 'utf8')),
  ),
  fc.tuple(position, fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([p, bytes]): Mutation => (b) => insert(b, p, Buffer.from(bytes))),
  fc.tuple(position, fc.nat(3)).map(([p, op]): Mutation => (b) => {
    const ls = lines(b);
    if (ls.length === 0) return b;
    const i = Math.floor(p * ls.length);
    if (op === 0) ls.splice(i, 0, ls[i]); // duplicate
    else if (op === 1) ls.splice(i, 1); // delete
    else if (op === 2) [ls[0], ls[i]] = [ls[i], ls[0]]; // swap with the header
    else ls.splice(i, 1, Buffer.from(ls[i].toString('latin1').split('').reverse().join(''), 'latin1')); // scramble
    return Buffer.concat(ls);
  }),
);

const COMMANDS = [
  (f: string) => ['score', f, '--by', 'region', '--format', 'json'],
  (f: string) => ['score', f, '--format', 'csv'],
  (f: string) => ['inspect', f, '--format', 'json'],
  (f: string) => ['trend', f, '--every', 'month', '--format', 'csv'],
];

/** Tally files as cxm writes them (CSV and JSON), to damage like exports and read with --tallies. */
async function tallyFiles(): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const format of ['csv', 'json']) {
    const r = await runCli(['trend', 'fixtures/responses.csv', '--every', 'month', '--by', 'region', '--emit', 'tallies', '--format', format, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    out.push(Buffer.from(r.stdout));
  }
  return out;
}

describe('mutated exports', () => {
  it('never end in an internal error', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(EXPORTS.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.nat(COMMANDS.length - 1), async (k, mutations, c) => {
        const bytes = mutations.reduce<Buffer>((b, m) => m(b), ORIGINALS[k]);
        const file = path.join(dir, `${n++}-${path.basename(EXPORTS[k])}`);
        writeFileSync(file, bytes);
        const r = await runCli(COMMANDS[c](file));
        expect(r.code, r.stderr).not.toBe(3);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        rmSync(file);
      }),
      fuzzParameters(120),
    );
  }, fuzzTimeout(60_000));

  it('nor do mutated tally files read with --tallies', async () => {
    const tallies = await tallyFiles();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(tallies.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), async (k, mutations, byRegion) => {
        const file = path.join(dir, `tallies-${n++}.${k === 0 ? 'csv' : 'json'}`);
        writeFileSync(file, mutations.reduce((b, m) => m(b), tallies[k]));
        const r = await runCli(['trend', '--tallies', file, '--every', 'month', ...(byRegion ? ['--by', 'region'] : []), '--format', 'json']);
        expect(r.code, r.stderr).not.toBe(3);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        rmSync(file);
      }),
      fuzzParameters(60),
    );
  }, fuzzTimeout(60_000));
});
