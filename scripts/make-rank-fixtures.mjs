// Writes fixtures/rank/airlines.csv: invented airline reviews shaped like the Skytrax exports (many
// airlines, most with a handful of reviews, a few with hundreds), for `cxm rank`. Each airline has a true
// chance of a detractor / passive / promoter (drawn from a Dirichlet(6, 4, 10) prior) and of answering
// "recommended = yes" (Beta(8, 4)); fixtures/rank/truth.json holds those true scores, so the tests can
// check that shrinkage lands closer to the truth than the raw scores do. The same bytes every run (seeded).
// Usage: node scripts/make-rank-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { picker, random } from './seeded-random.mjs';

const rnd = random(20261218);
const pick = picker(rnd);

/** Gamma(shape, 1) by Marsaglia–Tsang (shape ≥ 1 here) */
function gamma(shape) {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(1 - rnd()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
const dirichlet = (alpha) => {
  const g = alpha.map(gamma);
  const s = g.reduce((a, b) => a + b, 0);
  return g.map((x) => x / s);
};

const PREFIX = ['Air', 'Sky', 'Blue', 'Sun', 'North', 'Star', 'Jet', 'Cloud', 'Coast', 'Polar'];
const SUFFIX = ['Airways', 'Lines', 'Express', 'Connect', 'Wings', 'Jet'];
const AIRLINES = 60;
const CABINS = ['Economy', 'Premium Economy', 'Business'];
const rows = [['review_id', 'date', 'airline', 'cabin', 'likelihood_to_recommend', 'recommended', 'weight']];
const truth = [];
let id = 1;
for (let a = 0; a < AIRLINES; a++) {
  const name = `${PREFIX[a % PREFIX.length]} ${SUFFIX[Math.floor(a / PREFIX.length) % SUFFIX.length]}`;
  const [pd, pa, pp] = dirichlet([6, 4, 10]);
  const py = dirichlet([8, 4])[0];
  // most airlines have a few reviews, some hundreds: log-uniform on 1..300
  const n = Math.max(1, Math.round(Math.exp(rnd() * Math.log(300))));
  truth.push({ airline: name, nps: 100 * (pp - pd), recommend: 100 * py, n });
  for (let i = 0; i < n; i++) {
    const cls = pick(['d', 'a', 'p'], [pd, pa, pp]);
    const score = cls === 'd' ? Math.floor(rnd() * 7) : cls === 'a' ? 7 + Math.floor(rnd() * 2) : 9 + Math.floor(rnd() * 2);
    const day = 1 + Math.floor(rnd() * 28);
    rows.push([`V${String(id++).padStart(5, '0')}`, `2026-03-${String(day).padStart(2, '0')}`, name, pick(CABINS, [70, 15, 15]), String(score), rnd() < py ? 'yes' : 'no', (0.5 + Math.floor(rnd() * 4) / 2).toFixed(1)]);
  }
}
mkdirSync(new URL('../fixtures/rank/', import.meta.url), { recursive: true });
writeFileSync(new URL('../fixtures/rank/airlines.csv', import.meta.url), `${rows.map((r) => r.join(',')).join('\n')}\n`);
writeFileSync(new URL('../fixtures/rank/truth.json', import.meta.url), `${JSON.stringify(truth, null, 1)}\n`);
console.log(`fixtures/rank/airlines.csv: ${rows.length - 1} reviews of ${AIRLINES} airlines`);
