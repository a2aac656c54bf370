// Exports as downloaded (bench/run.mjs --only formats): gzip against the same CSV uncompressed, and an
// XLSX workbook (100k rows × 20 columns; 1M too with --sizes 1m) against cxm's own reader alone, the
// 20-column CSV of the same cells, and the candidate libraries (exceljs, SheetJS @e965/xlsx) reading
// the workbook, installed outside the project when they can be. Rounds alternate; ratios are medians
// of the pairs of one run. Peak memory from /usr/bin/time.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt, measure, median, root } from './lib.mjs';

const cxm = path.join(root, 'bin', 'cxm.js');
const score = (f) => ['score', f, '--by', 'region', '--metric', 'nps', '--format', 'csv', '--quiet', '--no-progress'];
const PEERS = { exceljs: 'exceljs@4.4.0', sheetjs: '@e965/xlsx@0.20.3' };

function ensurePeers(dir, log) {
  const prefix = path.join(dir, 'xlsx-libs');
  const modules = path.join(prefix, 'node_modules');
  if (!fs.existsSync(path.join(modules, 'exceljs')) || !fs.existsSync(path.join(modules, '@e965', 'xlsx'))) {
    log(`installing ${Object.values(PEERS).join(', ')} into ${prefix} (outside the project)…`);
    fs.mkdirSync(prefix, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', ...Object.values(PEERS)], { encoding: 'utf8' });
    if (r.status !== 0) return null;
  }
  return modules;
}

/** Runs each command `rounds` times, alternating; returns per command the runs. */
function alternate(commands, rounds) {
  const runs = commands.map(() => []);
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 ? [...commands.keys()].reverse() : [...commands.keys()];
    for (const k of order) runs[k].push(measure(...commands[k]));
  }
  return runs;
}

export async function formatsBench({ dir, rounds, sizes, ensureFile, log }) {
  const out = ['| case | rows | wall s | peak MB | ratio (median of pairs) | same numbers |', '|---|---:|---:|---:|---:|---|'];
  const row = (name, rows, runs, ratio, same) =>
    out.push(`| ${name} | ${rows.toLocaleString('en-US')} | ${fmt(median(runs.map((r) => r.wall)))} | ${fmt(runs[0].rssMb === null ? null : median(runs.map((r) => r.rssMb)), 0)} | ${ratio} | ${same} |`);
  const ratioOf = (a, b) => `${fmt(median(a.map((x, i) => x.wall / b[i].wall)))}×`;

  // gzip: the same CSV, compressed
  for (const size of sizes.filter((s) => s !== '10m')) {
    const csv = ensureFile(size);
    const gz = `${csv}.gz`;
    if (!fs.existsSync(gz)) fs.writeFileSync(gz, gzipSync(fs.readFileSync(csv), { level: 6 }));
    const [plain, zipped] = alternate([[process.execPath, [cxm, ...score(csv)]], [process.execPath, [cxm, ...score(gz)]]], rounds);
    const rows = Number(size.replace('k', '000').replace('m', '000000'));
    row('CSV', rows, plain, '', '');
    row('CSV, gzip', rows, zipped, `${ratioOf(zipped, plain)} the CSV`, plain[0].stdout === zipped[0].stdout ? 'yes' : '**no**');
  }

  // XLSX: 100k rows × 20 columns (and 1M with --sizes 1m)
  const peers = ensurePeers(dir, log);
  for (const size of sizes.filter((s) => s === '100k' || s === '1m')) {
    const rows = size === '100k' ? 100_000 : 1_000_000;
    const xlsx = path.join(dir, `responses-${rows}.xlsx`);
    const csv20 = path.join(dir, `responses-${rows}-20.csv`);
    if (!fs.existsSync(xlsx)) {
      log(`generating ${xlsx}…`);
      execFileSync(process.execPath, [path.join(root, 'bench', 'gen-xlsx.mjs'), ensureFile(size), xlsx, csv20], { stdio: 'inherit' });
    }
    const reader = (which) => [process.execPath, [path.join(root, 'bench', 'xlsx-read.mjs'), which, xlsx], { CXM_BENCH_LIBS: peers ?? '' }];
    const withPeers = peers !== null && rows <= 100_000;
    const commands = [[process.execPath, [cxm, ...score(xlsx)]], reader('ours'), [process.execPath, [cxm, ...score(csv20)]], ...(withPeers ? [reader('exceljs'), reader('sheetjs')] : [])];
    const [book, ours, flat, exceljs, sheetjs] = alternate(commands, size === '1m' ? Math.min(rounds, 2) : rounds);
    row('XLSX 20 columns: cxm score', rows, book, `${ratioOf(book, ours)} the reader alone`, book[0].stdout === flat[0].stdout ? 'yes' : '**no**');
    row('XLSX: cxm reader alone (unzip, XML, cells)', rows, ours, '', '');
    row('the same 20 columns as CSV: cxm score', rows, flat, `XLSX ${ratioOf(book, flat)} this`, '');
    if (exceljs) row('XLSX: exceljs streaming reader alone', rows, exceljs, `cxm score ${ratioOf(book, exceljs)} this`, '');
    if (sheetjs) row('XLSX: SheetJS (@e965/xlsx) alone', rows, sheetjs, `cxm score ${ratioOf(book, sheetjs)} this`, '');
  }
  return out;
}
