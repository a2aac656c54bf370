// Writes fixtures/recommend.csv: an invented yes/no "Would you recommend us?" export, the same bytes every
// run (seeded). The answers are spelled every way cxm reads a yes/no column (1/0, yes/no, true/false, y/n,
// in any case), with blanks and a few answers that are none of these (invalid: excluded and counted).
// Usage: node scripts/make-recommend-fixture.mjs
import { writeFileSync } from 'node:fs';
import { picker, random } from './seeded-random.mjs';

const rnd = random(20261208);
const pick = picker(rnd);

const REGIONS = ['North America', 'EMEA', 'APAC'];
const REGION_W = [45, 35, 20];
/** the share answering yes per region */
const YES = { 'North America': 0.72, EMEA: 0.55, APAC: 0.81 };
const SPELLINGS = [
  ['1', '0'],
  ['yes', 'no'],
  ['Yes', 'No'],
  ['YES', 'NO'],
  ['true', 'false'],
  ['TRUE', 'FALSE'],
  ['y', 'n'],
  ['Y', 'N'],
];
const SPELLING_W = [30, 20, 20, 5, 5, 5, 10, 5];
const BLANKS = ['', 'N/A', 'n/a'];
const INVALID = ['maybe', '2', '0.5', 'yes!', 'oui'];

const rows = [['response_id', 'submitted_at', 'region', 'recommended']];
const start = Date.UTC(2026, 6, 6, 0, 0, 0); // Monday 2026-07-06
const span = 13 * 7 * 24 * 3600 * 1000;
const N = 360;
const times = Array.from({ length: N }, () => start + Math.floor(rnd() * span)).sort((a, b) => a - b);
for (let i = 0; i < N; i++) {
  const region = pick(REGIONS, REGION_W);
  const u = rnd();
  let answer;
  if (u < 0.04) answer = BLANKS[Math.floor(rnd() * BLANKS.length)];
  else if (u < 0.07) answer = INVALID[Math.floor(rnd() * INVALID.length)];
  else {
    const [yes, no] = pick(SPELLINGS, SPELLING_W);
    answer = rnd() < YES[region] ? yes : no;
  }
  const ts = new Date(times[i]).toISOString().replace(/\.\d{3}Z$/, 'Z');
  rows.push([`R_${String(5000 + i)}`, ts, region, answer]);
}
writeFileSync(new URL('../fixtures/recommend.csv', import.meta.url), rows.map((r) => r.join(',')).join('\n') + '\n');
console.log(`wrote fixtures/recommend.csv (${N} responses)`);
