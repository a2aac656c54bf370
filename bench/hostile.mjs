#!/usr/bin/env node
// Memory and time on hostile and damaged input, as ratios against a peer run in the same round:
// - the large hostile files of test/hostile/files.ts (a 20 MB field, 16,384 columns, JSON nested
//   100,000 deep, random bytes, …): the built cxm's peak resident memory and wall time against
//   `cxm score fixtures/responses.csv` (Node and cxm's own footprint);
// - seeded damage to every export layout of fixtures/exports (byte flips, truncation, stray quotes
//   and NULs): wall time against the undamaged export.
// The tests check what cxm does with these files (exit code, error line); how much memory and time it
// takes depends on the machine and is measured here only.
//
//   node bench/hostile.mjs [--rounds 3]    (npm run bench runs it too)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, importTs, median, root } from './lib.mjs';

const peakRss = path.join(root, 'bench', 'peak-rss.mjs');

/** One run of the built cxm under peak-rss.mjs: exit code, wall seconds, peak MB. */
function run(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [peakRss, ...args], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  return { code: r.status, wall: Number(process.hrtime.bigint() - start) / 1e9, mb: Number(r.output[3]) / (1024 * 1024) };
}

/** Seeded damage: a few byte flips, stray quotes/NULs and sometimes a truncation. */
function damage(bytes, random) {
  const out = Buffer.from(bytes);
  for (let i = 0; i < 4; i++) out[Math.floor(random() * out.length)] = Math.floor(random() * 256);
  const at = Math.floor(random() * out.length);
  const stray = Buffer.from(['"', '\u0000', '\r', '""', '\ufeff'][Math.floor(random() * 5)]);
  const mixed = Buffer.concat([out.subarray(0, at), stray, out.subarray(at)]);
  return random() < 0.3 ? mixed.subarray(0, Math.floor(random() * mixed.length)) : mixed;
}

export async function hostileBench({ rounds = 3 } = {}) {
  if (!fs.existsSync(path.join(root, 'dist', 'cxm.js'))) throw new Error('build first: npm run build');
  const { HOSTILE, writeHostileFiles } = await importTs('test/hostile/files.ts');
  const { random } = await import('../scripts/seeded-random.mjs');
  const cases = HOSTILE.filter((h) => h.heavy || /random|deep|wide/.test(h.file));
  const dir = writeHostileFiles(cases);
  const peerArgs = ['score', path.join(root, 'fixtures', 'responses.csv'), '--format', 'csv'];
  const lines = [
    '| hostile input | exit | peak MB | peer MB | memory / peer | wall / peer (median of alternating pairs) |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  try {
    for (const h of cases) {
      const mine = [];
      const peer = [];
      for (let i = 0; i < rounds; i++) {
        mine.push(run(['score', path.join(dir, h.file), '--format', 'csv']));
        peer.push(run(peerArgs));
      }
      const ratio = (key) => median(mine.map((m, i) => m[key] / peer[i][key]));
      const code = mine[0].code === h.code ? String(h.code) : `**${mine[0].code}** (want ${h.code})`;
      lines.push(`| ${h.name} | ${code} | ${fmt(median(mine.map((m) => m.mb)), 0)} | ${fmt(median(peer.map((p) => p.mb)), 0)} | ${fmt(ratio('mb'))}× | ${fmt(ratio('wall'))}× |`);
    }
    const exports = fs.readdirSync(path.join(root, 'fixtures', 'exports')).filter((f) => /\.(csv|tsv|json|ndjson)$/.test(f)).sort();
    const rnd = random(12);
    const walls = [];
    for (const name of exports) {
      const original = path.join(root, 'fixtures', 'exports', name);
      const bytes = fs.readFileSync(original);
      for (let k = 0; k < rounds; k++) {
        const damaged = path.join(dir, `damaged-${k}-${name}`);
        fs.writeFileSync(damaged, damage(bytes, rnd));
        const d = run(['score', damaged, '--format', 'csv']);
        const o = run(['score', original, '--format', 'csv']);
        if (d.code === 3) lines.push(`| **${name}, damage ${k}: internal error (exit 3)** | 3 | | | | |`);
        walls.push({ name, ratio: d.wall / o.wall });
      }
    }
    const worst = walls.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    lines.push('');
    lines.push(`- damaged exports (${walls.length} runs over ${exports.length} layouts): wall / undamaged median ${fmt(median(walls.map((w) => w.ratio)))}×, worst ${fmt(worst.ratio)}× (${worst.name})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--rounds');
  process.stdout.write(`${(await hostileBench({ rounds: i === -1 ? 3 : Number(process.argv[i + 1]) })).join('\n')}\n`);
}
