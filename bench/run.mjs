#!/usr/bin/env node
// cxm's benchmark: generates exports of 100k, 1M and 10M rows outside the repository, runs cxm and,
// when it can be installed, DuckDB on the same files in alternating rounds, checks both give the same
// numbers, and prints wall-time and peak-memory ratios as a Markdown table; then the statistics that
// must not grow with n (bench/stats.mjs) and memory and time on hostile input (bench/hostile.mjs).
//
//   npm run bench                      all sizes, 5 rounds (3 at 10M), and every section
//   npm run bench -- --sizes 100k,1m   fewer sizes
//   npm run bench -- --no-duckdb       cxm only
//   npm run bench -- --only exports    one section or more: exports, formats, stats, hostile
//   npm run bench -- --baseline DIR    also time another built cxm checkout (say, main before a change)
//                                      in the same alternating rounds: the "cxm / baseline" column
//
// Files go to $CXM_BENCH_DIR (default: <tmp>/cxm-bench); DuckDB (@duckdb/node-api) is installed there
// on first use, never into the project. Machines are noisy: trust the ratios of alternating runs.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatsBench } from './formats.mjs';
import { hostileBench } from './hostile.mjs';
import { fmt, measure, median } from './lib.mjs';
import { statsBench } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const cxm = path.join(root, 'bin', 'cxm.js');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const SIZES = { '100k': 100_000, '1m': 1_000_000, '10m': 10_000_000 };
const sizes = value('--sizes', '100k,1m,10m').split(',').map((s) => s.trim().toLowerCase());
for (const s of sizes) if (!SIZES[s]) throw new Error(`unknown size ${s} (use ${Object.keys(SIZES).join(', ')})`);
const rounds = Number(value('--rounds', '5'));
const dir = path.resolve(value('--dir', process.env.CXM_BENCH_DIR ?? path.join(os.tmpdir(), 'cxm-bench')));
fs.mkdirSync(dir, { recursive: true });

const SECTIONS = ['exports', 'formats', 'stats', 'hostile'];
const only = value('--only', SECTIONS.join(',')).split(',').map((s) => s.trim());
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`unknown section ${s} (use ${SECTIONS.join(', ')})`);
const baselineDir = value('--baseline', null);
const baseline = baselineDir === null ? null : path.resolve(baselineDir, 'bin', 'cxm.js');
if (baseline && !fs.existsSync(path.resolve(baselineDir, 'dist', 'cxm.js'))) throw new Error(`${baselineDir}: no built cxm (run npm run build there)`);

const log = (s) => process.stderr.write(`${s}\n`);

function ensureFile(rows) {
  const file = path.join(dir, `responses-${rows}.csv`);
  if (!fs.existsSync(file)) {
    log(`generating ${file}…`);
    execFileSync(process.execPath, [path.join(here, 'gen.mjs'), String(rows), file], { stdio: 'inherit' });
  }
  return file;
}

function ensureDuckdb() {
  if (flag('--no-duckdb')) return null;
  const prefix = path.join(dir, 'duckdb');
  const modules = path.join(prefix, 'node_modules');
  if (!fs.existsSync(path.join(modules, '@duckdb', 'node-api'))) {
    log(`installing @duckdb/node-api into ${prefix} (outside the project)…`);
    fs.mkdirSync(prefix, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `@duckdb/node-api@${process.env.CXM_DUCKDB_VERSION ?? '1.5.6-r.1'}`], { encoding: 'utf8' });
    if (r.status !== 0) {
      log('DuckDB could not be installed; running cxm alone.');
      return null;
    }
  }
  return { NODE_PATH: modules };
}

/** region → [n, promoters, detractors] from cxm's CSV and from DuckDB's TSV. */
function cxmCounts(csv) {
  const [head, ...lines] = csv.trim().split('\n');
  const cols = head.split(',');
  const at = (name) => cols.indexOf(name);
  const out = {};
  for (const line of lines) {
    const f = line.split(',');
    if (!f[at('region')]) continue;
    const key = f[at('period')] ? `${f[at('region')]} ${f[at('period')]}` : f[at('region')];
    out[key] = [Number(f[at('n')]), Number(f[at('promoters')]), Number(f[at('detractors')])];
  }
  return out;
}
function duckCounts(tsv) {
  const [head, ...lines] = tsv.trim().split('\n');
  const cols = head.split('\t');
  const out = {};
  for (const line of lines) {
    const f = line.split('\t');
    const key = cols.includes('week') ? `${f[0]} ${f[cols.indexOf('week')]}` : f[0];
    out[key] = [Number(f[cols.indexOf('n')]), Number(f[cols.indexOf('promoters')]), Number(f[cols.indexOf('detractors')])];
  }
  return out;
}
function sameCounts(a, b) {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k].join() === b[k].join());
}

const hasTrend = /^\s+trend\b/m.test(spawnSync(process.execPath, [cxm, '--help'], { encoding: 'utf8' }).stdout);
const TASKS = [
  { name: 'NPS by region', cxm: (f) => ['score', f, '--by', 'region', '--metric', 'nps', '--format', 'csv', '--quiet', '--no-progress'], sql: 'nps-by-region.sql' },
  ...(hasTrend
    ? [
        {
          name: 'NPS by region × ISO week',
          cxm: (f) => ['trend', f, '--every', 'week', '--date', 'submitted_at', '--by', 'region', '--metric', 'nps', '--format', 'csv', '--quiet', '--no-progress'],
          sql: 'nps-by-region-week.sql',
        },
      ]
    : []),
];

const results = [];
let startup = null;
const out = [];
if (only.includes('exports')) {
  const duck = ensureDuckdb();
  for (const size of sizes) {
    const rows = SIZES[size];
    const file = ensureFile(rows);
    const n = rows >= 10_000_000 ? Math.min(rounds, 3) : rounds;
    for (const task of TASKS) {
      const c = [];
      const d = [];
      const b = [];
      let agree = null;
      let sameAsBaseline = null;
      for (let i = 0; i < n; i++) {
        // with a baseline, every other round runs it first: neither side always gets the warm cache
        const mb0 = baseline && i % 2 ? measure(process.execPath, [baseline, ...task.cxm(file)]) : null;
        const mc = measure(process.execPath, [cxm, ...task.cxm(file)]);
        c.push(mc);
        if (baseline) {
          const mb = mb0 ?? measure(process.execPath, [baseline, ...task.cxm(file)]);
          b.push(mb);
          if (i === 0) sameAsBaseline = mb.stdout === mc.stdout;
        }
        if (duck) {
          const md = measure(process.execPath, [path.join(here, 'duckdb-run.cjs'), path.join(here, task.sql), file], duck);
          d.push(md);
          if (i === 0) agree = sameCounts(cxmCounts(mc.stdout), duckCounts(md.stdout));
        }
      }
      const row = {
        task: task.name,
        rows,
        cxmWall: median(c.map((x) => x.wall)),
        cxmRss: c[0].rssMb === null ? null : median(c.map((x) => x.rssMb)),
        duckWall: duck ? median(d.map((x) => x.wall)) : null,
        duckRss: duck && d[0].rssMb !== null ? median(d.map((x) => x.rssMb)) : null,
        ratio: duck ? median(c.map((x, i) => x.wall / d[i].wall)) : null,
        baselineWall: baseline ? median(b.map((x) => x.wall)) : null,
        baselineRatio: baseline ? median(c.map((x, i) => x.wall / b[i].wall)) : null,
        sameAsBaseline,
        sameNumbers: agree,
        rounds: n,
      };
      results.push(row);
      const vs = baseline ? `, baseline ${row.baselineWall.toFixed(2)} s, cxm / baseline ${row.baselineRatio.toFixed(2)}` : '';
      log(`${task.name}, ${rows.toLocaleString('en-US')} rows: cxm ${row.cxmWall.toFixed(2)} s${vs}${duck ? `, DuckDB ${row.duckWall.toFixed(2)} s, ratio ${row.ratio.toFixed(2)}, same numbers: ${agree}` : ''}`);
    }
  }

  startup = median(Array.from({ length: 10 }, () => measure(process.execPath, [cxm, '--version']).wall));
  const withBaseline = baseline !== null;
  out.push(
    `| task | rows | cxm wall s | DuckDB wall s | cxm / DuckDB (median of alternating pairs) |${withBaseline ? ' cxm / baseline | same output |' : ''} cxm peak MB | DuckDB peak MB | same numbers |`,
    `|---|---:|---:|---:|---:|${withBaseline ? '---:|---|' : ''}---:|---:|---|`,
    ...results.map(
      (r) =>
        `| ${r.task} | ${r.rows.toLocaleString('en-US')} | ${fmt(r.cxmWall)} | ${fmt(r.duckWall)} | ${r.ratio === null ? '–' : `${fmt(r.ratio)}×`} |` +
        `${withBaseline ? ` ${fmt(r.baselineRatio)}× | ${r.sameAsBaseline ? 'yes' : '**no**'} |` : ''}` +
        ` ${fmt(r.cxmRss, 0)} | ${fmt(r.duckRss, 0)} | ${r.sameNumbers === null ? '–' : r.sameNumbers ? 'yes' : '**no**'} |`,
    ),
    '',
  );
  const byTask = (task) => results.filter((r) => r.task === task && r.cxmRss !== null).sort((a, b) => a.rows - b.rows);
  for (const t of TASKS) {
    const rs = byTask(t.name);
    if (rs.length < 2) continue;
    const [small, large] = [rs[0], rs[rs.length - 1]];
    const limit = 1.5 * small.cxmRss + 20;
    out.push(`- ${t.name}: peak ${fmt(large.cxmRss, 0)} MB at ${large.rows.toLocaleString('en-US')} rows vs ${fmt(small.cxmRss, 0)} MB at ${small.rows.toLocaleString('en-US')} (limit 1.5× + 20 MB = ${fmt(limit, 0)} MB): ${large.cxmRss <= limit ? 'flat' : 'GROWS'}`);
  }
  out.push(`- start-up: \`cxm --version\` ${(startup * 1000).toFixed(0)} ms (median of 10)`, '');
}
if (only.includes('formats')) {
  log('gzip and XLSX…');
  out.push(...(await formatsBench({ dir, rounds, sizes, ensureFile: (size) => ensureFile(SIZES[size]), log })), '');
}
if (only.includes('stats')) {
  log('statistics that must not grow with n…');
  out.push(...(await statsBench({ rounds: Math.max(rounds, 5) })), '');
}
if (only.includes('hostile')) {
  log('hostile and damaged input…');
  out.push(...(await hostileBench({ rounds: Math.min(rounds, 3) })), '');
}
out.push(`- machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`);
process.stdout.write(`${out.join('\n')}\n`);
fs.writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify({ results, startup, date: new Date().toISOString() }, null, 2)}\n`);
if (results.some((r) => r.sameNumbers === false || r.sameAsBaseline === false)) {
  log('cxm disagrees with DuckDB or with the baseline: see above');
  process.exitCode = 1;
}
