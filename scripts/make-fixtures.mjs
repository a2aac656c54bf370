// Writes fixtures/responses.csv: an invented survey export, the same bytes every run (seeded).
// Usage: node scripts/make-fixtures.mjs
import { writeFileSync } from 'node:fs';
import { picker, random } from './seeded-random.mjs';

const rnd = random(20260105);
const pick = picker(rnd);

const REGIONS = ['North America', 'EMEA', 'APAC', 'LATAM'];
const REGION_W = [40, 32, 20, 8];
// NPS answer weights 0..10 per region: EMEA lower, APAC higher
const NPS_W = {
  'North America': [2, 1, 1, 2, 2, 4, 5, 9, 16, 24, 34],
  EMEA: [4, 3, 3, 4, 5, 8, 9, 12, 17, 17, 18],
  APAC: [1, 1, 1, 1, 2, 3, 4, 8, 14, 26, 39],
  LATAM: [2, 1, 2, 2, 3, 5, 6, 10, 16, 22, 31],
};
const PLANS = ['Free', 'Pro', 'Business', 'Enterprise'];
const PLAN_W = [35, 30, 22, 13];
const CHANNELS = ['email', 'in-app', 'web', 'sms'];
const CHANNEL_W = [40, 30, 20, 10];
const COMMENTS = [
  '',
  '',
  '',
  'Great product, fast support',
  'The new dashboard is confusing, please bring back the old export',
  'Billing charged me twice, refund took a week',
  'Support said "we\'ll call back", they did not',
  'Easy to set up; the API docs are clear',
  'Too expensive for what it does',
  'Love it',
  'Login on mobile keeps failing, "session expired" every day',
  'Invoices are hard to find',
  'Onboarding was smooth, thanks Maria!',
  'Slow, slow, slow',
  'Would recommend to colleagues',
];

const rows = [['response_id', 'submitted_at', 'region', 'plan', 'channel', 'email', 'nps', 'csat', 'ces', 'comment']];
const start = Date.UTC(2026, 0, 5, 0, 0, 0); // Monday 2026-01-05
const span = 26 * 7 * 24 * 3600 * 1000;
const N = 480;
const times = Array.from({ length: N }, () => start + Math.floor(rnd() * span)).sort((a, b) => a - b);
for (let i = 0; i < N; i++) {
  const region = pick(REGIONS, REGION_W);
  const nps = rnd() < 0.03 ? '' : String(pick([...Array(11).keys()], NPS_W[region]));
  const npsNum = nps === '' ? 7 : Number(nps);
  const csatBase = npsNum >= 9 ? [1, 2, 6, 38, 53] : npsNum >= 7 ? [3, 8, 24, 45, 20] : [18, 26, 30, 20, 6];
  const csat = rnd() < 0.08 ? '' : String(pick([1, 2, 3, 4, 5], csatBase));
  const ces = rnd() < 0.12 ? '' : String(pick([1, 2, 3, 4, 5, 6, 7], npsNum >= 9 ? [1, 2, 3, 8, 20, 35, 31] : [6, 10, 14, 20, 22, 18, 10]));
  let comment = COMMENTS[Math.floor(rnd() * COMMENTS.length)];
  if (i === 137) comment = 'Two things:\n1. the export, again\n2. "bulk edit" would save me hours';
  const ts = new Date(times[i]).toISOString().replace(/\.\d{3}Z$/, 'Z');
  rows.push([
    `R_${String(1000 + i)}`,
    ts,
    region,
    pick(PLANS, PLAN_W),
    pick(CHANNELS, CHANNEL_W),
    `customer${String(i + 1).padStart(3, '0')}@example.com`,
    nps,
    csat,
    ces,
    comment,
  ]);
}
const quote = (v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
writeFileSync(new URL('../fixtures/responses.csv', import.meta.url), rows.map((r) => r.map(quote).join(',')).join('\n') + '\n');
console.log(`wrote fixtures/responses.csv (${N} responses)`);

// fixtures/compare/: the same responses split into two quarters, for `cxm compare CURRENT BASELINE`.
// The second quarter also has a few answers from a region the first lacks (a segment on one side only).
import { mkdirSync } from 'node:fs';
mkdirSync(new URL('../fixtures/compare/', import.meta.url), { recursive: true });
const [head, ...data] = rows;
const inQuarter = (r, from, to) => r[1] >= from && r[1] < to;
const q1 = data.filter((r) => inQuarter(r, '2026-01-01', '2026-04-01'));
const q2 = data.filter((r) => inQuarter(r, '2026-04-01', '2026-07-01'));
const extra = random(20260401);
for (let i = 0; i < 6; i++) {
  const day = String(1 + Math.floor(extra() * 28)).padStart(2, '0');
  q2.push([`R_2${String(i).padStart(3, '0')}`, `2026-06-${day}T09:00:00Z`, 'Oceania', 'Pro', 'web', `oceania${i + 1}@example.com`, String(6 + Math.floor(extra() * 5)), String(3 + Math.floor(extra() * 3)), String(4 + Math.floor(extra() * 4)), '']);
}
q2.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
const csv = (list) => [head, ...list].map((r) => r.map(quote).join(',')).join('\n') + '\n';
writeFileSync(new URL('../fixtures/compare/2026-q1.csv', import.meta.url), csv(q1));
writeFileSync(new URL('../fixtures/compare/2026-q2.csv', import.meta.url), csv(q2));
console.log(`wrote fixtures/compare/2026-q1.csv (${q1.length}) and 2026-q2.csv (${q2.length})`);
