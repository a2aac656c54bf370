// `npm run validate`: the full-size, seeded simulations behind the figures docs/statistics.md quotes
// (issue 14). The test suite runs small versions of the first two (test/stats/newcombe.test.ts); this
// runs them at full size. Prints one line per figure; about a minute.
//
//  1. Percent differences, n = 30 against n = 300 at 97% and 99% satisfaction (no true difference):
//     coverage of Newcombe's hybrid score interval (cxm) and of the Wald interval (before), and whether
//     "the interval excludes 0" and "p < α" agree in every case.
//  2. Wilson at high satisfaction (n = 50, p = 0.99): coverage (the smaller point of issue 14).
//  3. Repeat respondents: false alarms of segment-vs-rest NPS tests at 5% with no true difference when
//     each customer answers 1–5 times (customer effect), with and without --cluster; and of period-vs-
//     period tests when the same customers answer in both periods.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'cxm-validate-'));
const out = join(dir, 'validate.mjs');
await build({ entryPoints: ['scripts/validate-entry.ts'], outfile: out, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
const m = await import(pathToFileURL(out).href);
rmSync(dir, { recursive: true, force: true });

const f3 = (x) => x.toFixed(3);

// 1. percent differences
for (const truth of [0.97, 0.99]) {
  for (const level of [0.95, 0.97, 0.99]) {
    const random = m.seededRandom(20260 + Math.round(truth * 100) + Math.round(level * 1000));
    const runs = 20000;
    let newcombe = 0;
    let wald = 0;
    let disagree = 0;
    const z = m.normalCriticalValue(level);
    for (let i = 0; i < runs; i++) {
      const x1 = m.binomialSample(30, truth, random);
      const x2 = m.binomialSample(300, truth, random);
      const d = m.newcombeDifferenceTest(x1, 30, x2, 300, level);
      if (d.lower <= 0 && d.upper >= 0) newcombe++;
      if ((d.lower > 0 || d.upper < 0) !== d.p < 1 - level) disagree++;
      const p1 = x1 / 30;
      const p2 = x2 / 300;
      const half = z * Math.sqrt((p1 * (1 - p1)) / 30 + (p2 * (1 - p2)) / 300);
      if (Math.abs(p1 - p2) <= half) wald++;
    }
    console.log(`percent difference, p = ${truth}, n = 30 vs 300, level ${level}: Newcombe coverage ${f3(newcombe / runs)}, Wald ${f3(wald / runs)}; interval and p disagree in ${disagree} of ${runs}`);
  }
}

// 2. Wilson at n = 50, p = 0.99, exact coverage over the binomial distribution
{
  const n = 50;
  const p = 0.99;
  let coverage = 0;
  let logChoose = 0;
  for (let x = 0; x <= n; x++) {
    if (x > 0) logChoose += Math.log((n - x + 1) / x);
    const prob = Math.exp(logChoose + x * Math.log(p) + (n - x) * Math.log(1 - p));
    const w = m.wilsonInterval(x, n, 0.95);
    if (w.lower <= p && p <= w.upper) coverage += prob;
  }
  console.log(`Wilson 95%, n = 50, p = 0.99: exact coverage ${f3(coverage)}`);
}

// 3. repeat respondents
const spec = { role: 'nps', column: 'nps', scale: { lo: 0, hi: 10 }, band: { lo: 9, hi: 10 }, labels: [], via: 'header' };
const settings = (cluster) => ({ level: 0.95, methods: { nps: 'adjusted-wald', csat: 'wilson', ces: 'wilson' }, seed: 1, resamples: 2000, ...(cluster ? { cluster: 'id' } : {}) });
function answer(random, effect) {
  // an NPS answer around 7.5 + the customer's effect
  const u = random() + random() + random() - 1.5;
  return Math.min(10, Math.max(0, Math.round(7.5 + effect + 2 * u)));
}
function normal(random) {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
function addAnswer(tallies, universe, side, id, score) {
  const t = tallies[side];
  const one = m.emptyTally({ lo: 0, hi: 10 });
  one.count[score] = 1;
  one.weightSum[score] = 1;
  one.weightSqSum[score] = 1;
  one.clusters = { universe, byId: new Map([[id, m.emptyTally({ lo: 0, hi: 10 })]]) };
  m.addInto(one.clusters.byId.get(id), { ...one, clusters: undefined });
  m.addInto(t, one);
}
function falseAlarms(design, runs, seed) {
  const random = m.seededRandom(seed);
  const alarms = { plain: 0, cluster: 0 };
  for (let r = 0; r < runs; r++) {
    const universe = new Set();
    const tallies = [m.emptyTally({ lo: 0, hi: 10 }), m.emptyTally({ lo: 0, hi: 10 })];
    for (let c = 0; c < 200; c++) {
      const id = `c${c}`;
      universe.add(id);
      const effect = 1.5 * normal(random);
      if (design === 'within') {
        // one segment per customer, 1–5 answers each
        const side = random() < 0.5 ? 0 : 1;
        const k = 1 + Math.floor(random() * 5);
        for (let j = 0; j < k; j++) addAnswer(tallies, universe, side, id, answer(random, effect));
      } else {
        // the same customers answer once in each period
        addAnswer(tallies, universe, 0, id, answer(random, effect));
        addAnswer(tallies, universe, 1, id, answer(random, effect));
      }
    }
    for (const [name, cluster] of [['plain', false], ['cluster', true]]) {
      const d = m.compareTallies('nps', tallies[0], tallies[1], spec, settings(cluster));
      if (d.p !== null && d.p < 0.05) alarms[name]++;
    }
  }
  return { plain: alarms.plain / runs, cluster: alarms.cluster / runs };
}
const within = falseAlarms('within', 2000, 141);
console.log(`several answers per customer within a segment (200 customers, 1–5 answers): false alarms at 5% ${f3(within.plain)} without --cluster, ${f3(within.cluster)} with`);
const paired = falseAlarms('paired', 2000, 142);
console.log(`the same customers in both periods (200, one answer each): false alarms at 5% ${f3(paired.plain)} without --cluster, ${f3(paired.cluster)} with`);
