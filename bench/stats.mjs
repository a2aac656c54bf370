#!/usr/bin/env node
// Speed of the statistics that must not grow with n, as ratios against a small-n peer timed in the
// same run (alternating rounds, median): binomial draws at n = 10⁷ against n = 10⁵ (both in BTRD's range), and the NPS
// bootstrap at n = 10⁷ against n = 2,000. A ratio near 1 is O(1) in n. (The tests check the results;
// their time is measured here, never in a test.)
//
//   node bench/stats.mjs [--rounds 7]      (npm run bench runs it too)
import { fileURLToPath } from 'node:url';
import { fmt, importTs, median } from './lib.mjs';

export async function statsBench({ rounds = 7 } = {}) {
  const { binomialSample, npsBootstrapInterval, seededRandom } = await importTs('src/stats/index.ts');
  const time = (f) => {
    const start = process.hrtime.bigint();
    f();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const draws = (n) => () => {
    const random = seededRandom(5);
    for (let i = 0; i < 200_000; i++) binomialSample(n, 0.3, random);
  };
  const bootstrap = (n) => () => npsBootstrapInterval({ detractors: 0.2 * n, passives: 0.3 * n, promoters: 0.5 * n }, 0.95, { seed: 1, resamples: 20_000 });
  const cases = [
    { name: 'binomialSample, 200,000 draws', big: draws(10_000_000), peer: draws(100_000), sizes: 'n = 10⁷ vs 10⁵' },
    { name: 'npsBootstrapInterval, 20,000 resamples', big: bootstrap(10_000_000), peer: bootstrap(2_000), sizes: 'n = 10⁷ vs 2,000' },
  ];
  const lines = ['| statistic | sizes | large ms | peer ms | large / peer (median of alternating pairs) |', '|---|---|---:|---:|---:|'];
  for (const c of cases) {
    c.big();
    c.peer(); // warm both before timing
    const big = [];
    const peer = [];
    for (let i = 0; i < rounds; i++) {
      big.push(time(c.big));
      peer.push(time(c.peer));
    }
    lines.push(`| ${c.name} | ${c.sizes} | ${fmt(median(big), 1)} | ${fmt(median(peer), 1)} | ${fmt(median(big.map((b, i) => b / peer[i])))}× |`);
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--rounds');
  process.stdout.write(`${(await statsBench({ rounds: i === -1 ? 7 : Number(process.argv[i + 1]) })).join('\n')}\n`);
}
