// Writes the fixtures of the enrichment options, the same bytes every run (seeded):
//   fixtures/customers.csv  one row per respondent email of fixtures/responses.csv (a CRM export): the
//                           account, its industry, tier and annual revenue. A few emails are missing
//                           (responses without a match) and a few accounts have respondents in more
//                           than one region (B2B accounts are not always in one place).
//   fixtures/tags.json      comment tag rules for the comments of fixtures/responses.csv.
// Usage: node scripts/make-enrich-fixtures.mjs   (after scripts/make-fixtures.mjs)
import { readFileSync, writeFileSync } from 'node:fs';
import { random } from './seeded-random.mjs';

const rnd = random(20260707);
const pickOne = (items) => items[Math.floor(rnd() * items.length)];

const lines = readFileSync(new URL('../fixtures/responses.csv', import.meta.url), 'utf8').split('\n');
const header = lines[0].split(',');
const emailAt = header.indexOf('email');
const regionAt = header.indexOf('region');
// records start with their id; the fields up to email hold no quotes or commas (comments may span lines)
const respondents = lines.slice(1).filter((l) => l.startsWith('R_')).map((l) => {
  const f = l.split(',');
  return { email: f[emailAt], region: f[regionAt] };
});

const INDUSTRIES = ['Retail', 'Software', 'Finance', 'Healthcare', 'Manufacturing'];
const REGIONS = ['North America', 'EMEA', 'APAC', 'LATAM'];
const NAMES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Vandelay', 'Pied Piper', 'Dunder', 'Gringotts', 'Oscorp', 'Nakatomi', 'Massive', 'Aperture', 'Black Mesa'];
const accounts = [];
for (const region of REGIONS) {
  const count = { 'North America': 40, EMEA: 32, APAC: 20, LATAM: 10 }[region];
  for (let i = 0; i < count; i++) {
    const revenue = Math.round(Math.exp(8.5 + rnd() * 4.5) / 100) * 100; // about 5,000 to 450,000 a year
    accounts.push({
      name: `${pickOne(NAMES)} ${region === 'North America' ? 'NA' : region} ${String(accounts.length + 1).padStart(3, '0')}`,
      region,
      industry: pickOne(INDUSTRIES),
      tier: revenue >= 150000 ? 'Enterprise' : revenue >= 30000 ? 'Mid-Market' : 'SMB',
      revenue,
    });
  }
}
const rows = [['email', 'account', 'industry', 'tier', 'revenue']];
for (const r of respondents) {
  if (rnd() < 0.035) continue; // not in the CRM: a response without a match
  const local = accounts.filter((a) => a.region === r.region);
  const account = rnd() < 0.93 ? pickOne(local) : pickOne(accounts);
  rows.push([r.email, account.name, account.industry, account.tier, String(account.revenue)]);
}
// the CRM export is sorted by account, not by email
const [head, ...data] = rows;
data.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1));
const quote = (v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
writeFileSync(new URL('../fixtures/customers.csv', import.meta.url), [head, ...data].map((r) => r.map(quote).join(',')).join('\n') + '\n');
console.log(`wrote fixtures/customers.csv (${data.length} of ${respondents.length} respondents, ${new Set(data.map((r) => r[1])).size} accounts)`);

const tags = {
  billing: ['invoice', 'refund', '/charg(e|ed)/i', 'billing'],
  support: ['support', 'call back'],
  usability: ['confusing', 'dashboard', 'export', 'bulk edit'],
  reliability: ['/session expired/i', 'failing'],
  speed: ['/\\b(fast|slow)\\b/i', 'took a week'],
  price: ['expensive', 'price'],
  onboarding: ['onboarding', 'set up'],
};
writeFileSync(new URL('../fixtures/tags.json', import.meta.url), `${JSON.stringify(tags, null, 2)}\n`);
console.log('wrote fixtures/tags.json');
