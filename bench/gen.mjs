#!/usr/bin/env node
// Deterministic benchmark export, the same shape as the peers' generator: response_id, submitted_at
// (ISO 8601 UTC over 2023-2024, sorted), region (8, skewed), plan (4), channel (5), nps 0-10 (~4% blank,
// region bias), csat 1-5 (~10% blank), ces 1-7 (~15% blank), comment (~35% empty; commas, doubled
// quotes, ~3% multi-line). Same rows and seed, same bytes.
// Usage: node bench/gen.mjs ROWS OUT.csv [--seed N]
import fs from 'node:fs';

const args = process.argv.slice(2);
let seed = 20240601;
const s = args.indexOf('--seed');
if (s !== -1) {
  seed = Number(args[s + 1]);
  args.splice(s, 2);
}
if (args.length !== 2) {
  console.error('usage: node bench/gen.mjs ROWS OUT.csv [--seed N]');
  process.exit(2);
}
const rows = Number(args[0]);
const out = args[1];

// xorshift128+ style generator on 32-bit halves (fast, seeded)
let a = seed >>> 0 || 1;
let b = 0x9e3779b9;
function rnd() {
  const t = a ^ (a << 11);
  a = b;
  b = b ^ (b >>> 19) ^ (t ^ (t >>> 8));
  return (b >>> 0) / 4294967296;
}
function weighted(items, weights) {
  const total = weights.reduce((x, y) => x + y, 0);
  const cum = [];
  let acc = 0;
  for (const w of weights) cum.push((acc += w) / total);
  return () => {
    const r = rnd();
    for (let i = 0; i < cum.length; i++) if (r < cum[i]) return items[i];
    return items[items.length - 1];
  };
}

const REGIONS = ['north-america', 'latam', 'uk-ireland', 'dach', 'nordics', 'southern-europe', 'apac', 'mena'];
const region = weighted(REGIONS, [30, 8, 12, 14, 6, 10, 15, 5]);
const BIAS = { 'north-america': 0.3, latam: -0.5, 'uk-ireland': 0.1, dach: 0.4, nordics: 0.8, 'southern-europe': -0.2, apac: 0, mena: -0.8 };
const plan = weighted(['free', 'starter', 'pro', 'enterprise'], [40, 30, 20, 10]);
const channel = weighted(['email', 'in-app', 'web', 'sms', 'phone'], [35, 30, 20, 10, 5]);
const npsBase = weighted([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 1, 1, 2, 2, 5, 6, 10, 18, 22, 31]);
const csat = weighted([1, 2, 3, 4, 5], [4, 6, 15, 40, 35]);
const ces = weighted([1, 2, 3, 4, 5, 6, 7], [3, 5, 8, 14, 25, 28, 17]);
const WORDS = ('the product support team billing app page export onboarding price fast slow easy hard great terrible okay love hate ' +
  'dashboard login report invoice update feature bug crash mobile desktop helpful confusing clear documentation agent wait refund plan upgrade').split(' ');
const PHRASES = ['Support said "we\'ll call back", they did not', 'Great, fast, and cheap', 'The "new" dashboard is, frankly, confusing', 'Billing page, again', 'Rated 10 because "it just works"', 'n/a'];

function comment() {
  const r = rnd();
  if (r < 0.35) return '';
  if (r < 0.5) return PHRASES[Math.floor(rnd() * PHRASES.length)];
  const n = 3 + Math.floor(rnd() * 16);
  const words = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(rnd() * WORDS.length)] + (i > 0 && i < n - 1 && rnd() < 0.12 ? ',' : ''));
  let text = words.join(' ');
  text = text[0].toUpperCase() + text.slice(1) + '.';
  if (r > 0.97) text += `\n${Array.from({ length: 2 + Math.floor(rnd() * 9) }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ')}\nThanks`;
  return text;
}
const csvCell = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

const START = Date.UTC(2023, 0, 1);
const SPAN = 2 * 365 * 24 * 3600 * 1000;
const fd = fs.openSync(out, 'w');
let buf = 'response_id,submitted_at,region,plan,channel,nps,csat,ces,comment\n';
for (let i = 0; i < rows; i++) {
  const reg = region();
  const ts = new Date(START + Math.floor(((i + rnd()) * SPAN) / rows)).toISOString().slice(0, 19) + 'Z';
  let nps = '';
  if (rnd() >= 0.04) {
    let v = npsBase();
    if (rnd() < 0.25) v = Math.max(0, Math.min(10, v + Math.round(BIAS[reg] * 2)));
    nps = String(v);
  }
  const c = rnd() < 0.1 ? '' : String(csat());
  const e = rnd() < 0.15 ? '' : String(ces());
  buf += `r${String(i).padStart(9, '0')},${ts},${reg},${plan()},${channel()},${nps},${c},${e},${csvCell(comment())}\n`;
  if (buf.length > 1 << 20) {
    fs.writeSync(fd, buf);
    buf = '';
  }
}
fs.writeSync(fd, buf);
fs.closeSync(fd);
