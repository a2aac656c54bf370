#!/usr/bin/env node
// cxm's benchmark: generates exports of 100k, 1M and 10M rows outside the repository, runs cxm and,
// when it can be installed, DuckDB on the same files in alternating rounds, checks both give the same
// numbers, and prints wall-time and peak-memory ratios as a Markdown table.
//
//   npm run bench                      all sizes, 5 rounds (3 at 10M)
//   npm run bench -- --sizes 100k,1m   fewer sizes
//   npm run bench -- --no-duckdb       cxm only
//
// Files go to $CXM_BENCH_DIR (default: <tmp>/cxm-bench); DuckDB (@duckdb/node-api) is installed there
// on first use, never into the project. Machines are noisy: trust the ratios of alternating runs.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

const log = (s) => process.stderr.write(`${s}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs a command; returns wall seconds, peak RSS in MB (when /usr/bin/time exists) and stdout. */
function measure(cmd, cmdArgs, env = {}) {
  const started = process.hrtime.bigint();
  const full = TIME ? [TIME, ['-f', '__RSS__ %M', cmd, ...cmdArgs]] : [cmd, cmdArgs];
  const r = spawnSync(full[0], full[1], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed:\n${r.stderr}`);
  const rss = /__RSS__ (\d+)/.exec(r.stderr);
  return { wall, rssMb: rss ? Number(rss[1]) / 1024 : null, stdout: r.stdout };
}

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

const duck = ensureDuckdb();
const results = [];
for (const size of sizes) {
  const rows = SIZES[size];
  const file = ensureFile(rows);
  const n = rows >= 10_000_000 ? Math.min(rounds, 3) : rounds;
  for (const task of TASKS) {
    const c = [];
    const d = [];
    let agree = null;
    for (let i = 0; i < n; i++) {
      const mc = measure(process.execPath, [cxm, ...task.cxm(file)]);
      c.push(mc);
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
      sameNumbers: agree,
      rounds: n,
    };
    results.push(row);
    log(`${task.name}, ${rows.toLocaleString('en-US')} rows: cxm ${row.cxmWall.toFixed(2)} s${duck ? `, DuckDB ${row.duckWall.toFixed(2)} s, ratio ${row.ratio.toFixed(2)}, same numbers: ${agree}` : ''}`);
  }
}

const startup = median(Array.from({ length: 10 }, () => measure(process.execPath, [cxm, '--version']).wall));

const fmt = (x, d = 2) => (x === null || x === undefined ? '–' : x.toFixed(d));
const lines = [
  `| task | rows | cxm wall s | DuckDB wall s | cxm / DuckDB (median of alternating pairs) | cxm peak MB | DuckDB peak MB | same numbers |`,
  `|---|---:|---:|---:|---:|---:|---:|---|`,
  ...results.map(
    (r) =>
      `| ${r.task} | ${r.rows.toLocaleString('en-US')} | ${fmt(r.cxmWall)} | ${fmt(r.duckWall)} | ${r.ratio === null ? '–' : `${fmt(r.ratio)}×`} | ${fmt(r.cxmRss, 0)} | ${fmt(r.duckRss, 0)} | ${r.sameNumbers === null ? '–' : r.sameNumbers ? 'yes' : '**no**'} |`,
  ),
];
const byTask = (task) => results.filter((r) => r.task === task && r.cxmRss !== null).sort((a, b) => a.rows - b.rows);
const memory = TASKS.map((t) => {
  const rs = byTask(t.name);
  if (rs.length < 2) return null;
  const [small, large] = [rs[0], rs[rs.length - 1]];
  const limit = 1.5 * small.cxmRss + 20;
  return `${t.name}: peak ${fmt(large.cxmRss, 0)} MB at ${large.rows.toLocaleString('en-US')} rows vs ${fmt(small.cxmRss, 0)} MB at ${small.rows.toLocaleString('en-US')} (limit 1.5× + 20 MB = ${fmt(limit, 0)} MB): ${large.cxmRss <= limit ? 'flat' : 'GROWS'}`;
}).filter(Boolean);

process.stdout.write(`${lines.join('\n')}\n\n`);
for (const m of memory) process.stdout.write(`- ${m}\n`);
process.stdout.write(`- start-up: \`cxm --version\` ${(startup * 1000).toFixed(0)} ms (median of 10)\n`);
process.stdout.write(`- machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
fs.writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify({ results, startup, date: new Date().toISOString() }, null, 2)}\n`);
if (results.some((r) => r.sameNumbers === false)) {
  log('cxm and DuckDB disagree: see above');
  process.exitCode = 1;
}
