// Writes fixtures/exports/: the same invented respondents in every export layout cxm reads, plus
// expected.json with the counts each file must give (computed here, from the respondents, not by cxm).
// Each file also carries the rows its platform adds and cxm must leave out: Qualtrics previews, tests
// and spam, Typeform partial responses, Zendesk ratings offered but not answered, Intercom
// conversations never rated. The same bytes every run (seeded).
// Usage: node scripts/make-export-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { picker, random } from './seeded-random.mjs';

const dir = new URL('../fixtures/exports/', import.meta.url);
mkdirSync(dir, { recursive: true });
const rnd = random(20260214);
const pick = picker(rnd);

// ---------------------------------------------------------------- respondents
const N = 40;
const REGIONS = ['North America', 'EMEA', 'APAC', 'LATAM'];
const PLANS = ['Free', 'Pro', 'Business'];
const COMMENTS = [
  '',
  '',
  'Great support — fast and friendly',
  'Prices went up, "value" went down',
  'Très bien, merci',
  'Überraschend gut',
  'Setup took a while,\nbut it works now',
  'Love the new dashboard',
  '-1 for the price',
  'Support never called back',
  'Easy to use',
];
/** respondent 7 skipped NPS; respondent 23 answered nothing (an unfinished response where the platform has that) */
const NO_NPS = 7;
const NOTHING = 23;
/** respondent 31 did not finish but answered the scores */
const UNFINISHED_ANSWERED = 31;

// Answers between 08:00 and 16:00 UTC on days from 2026-01-05 to 2026-03-27 (before any European clock
// change): on the same calendar day in every zone the layouts write (UTC-7 to UTC+1), so every layout
// must give the same counts per day, whether its dates carry a zone or are wall-clock times.
const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
const start = Date.UTC(2026, 0, 5);
const times = Array.from({ length: N }, () => start + Math.floor(rnd() * 82) * DAY + (8 + Math.floor(rnd() * 8)) * HOUR + Math.floor(rnd() * 3600) * 1000).sort((a, b) => a - b);
const respondents = times.map((t, i) => {
  const id = i + 1;
  const nps = pick([...Array(11).keys()], [3, 1, 1, 2, 2, 3, 4, 7, 9, 10, 12]);
  const csat = pick([1, 2, 3, 4, 5], nps >= 9 ? [1, 1, 3, 10, 12] : nps >= 7 ? [1, 3, 6, 10, 4] : [6, 7, 6, 3, 1]);
  const ces = pick([1, 2, 3, 4, 5, 6, 7], nps >= 9 ? [1, 1, 2, 4, 8, 10, 9] : [4, 5, 6, 6, 5, 3, 2]);
  const skipNps = id === NO_NPS || id === NOTHING;
  return {
    id,
    time: t,
    duration: 40 + Math.floor(rnd() * 400),
    region: pick(REGIONS, [40, 30, 20, 10]),
    plan: pick(PLANS, [40, 35, 25]),
    nps: skipNps ? null : nps,
    csat: id === NOTHING ? null : csat,
    ces: id === NOTHING || id % 9 === 0 ? null : ces,
    comment: id === NOTHING ? '' : COMMENTS[Math.floor(rnd() * COMMENTS.length)],
    email: `customer${String(id).padStart(2, '0')}@example.com`,
    first: `Ana${id}`,
    last: 'Example',
    finished: id !== NOTHING && id !== UNFINISHED_ANSWERED,
  };
});
/** extra rows some platforms add: answers of people who are not respondents */
const extra = (n, seedShift) =>
  Array.from({ length: n }, (_, k) => ({
    ...respondents[(k * 13 + seedShift * 11) % N],
    id: 100 + seedShift * 10 + k,
    nps: (k * 3 + seedShift) % 11,
    csat: 1 + ((k + seedShift) % 5),
    ces: 1 + ((k * 2 + seedShift) % 7),
    comment: 'testing the survey',
  }));

// ---------------------------------------------------------------- expected counts
const present = (v) => v !== null;
function counts(list) {
  const nps = list.map((r) => r.nps).filter(present);
  const csat = list.map((r) => r.csat).filter(present);
  const ces = list.map((r) => r.ces).filter(present);
  return {
    nps: { promoters: nps.filter((v) => v >= 9).length, passives: nps.filter((v) => v === 7 || v === 8).length, detractors: nps.filter((v) => v <= 6).length },
    csat: { satisfied: csat.filter((v) => v >= 4).length, other: csat.filter((v) => v < 4).length },
    ces: { agree: ces.filter((v) => v >= 5).length, other: ces.filter((v) => v < 5).length },
  };
}
/** answers per UTC day, per metric: what `trend --every day` must give for every layout */
function perDay(metric) {
  const out = {};
  for (const r of respondents) {
    if (r[metric] === null) continue;
    const day = new Date(r.time).toISOString().slice(0, 10);
    out[day] = (out[day] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort());
}
const expected = { respondents: N, counts: counts(respondents), days: { nps: perDay('nps'), csat: perDay('csat'), ces: perDay('ces') }, files: {} };
/** rows: data rows in the file; skipped: rows with no score answered; excluded: rows left out by rule */
function expect(file, { layout, metrics, rows, skipped, excluded = 0, unfinished = 0 }) {
  expected.files[file] = { layout, metrics, rows, used: rows - skipped - excluded, skipped, excluded, unfinished };
}
const noneOf = (metrics) => respondents.filter((r) => metrics.every((m) => r[m] === null)).length;

// ---------------------------------------------------------------- text helpers
const Q = {
  nps: 'How likely are you to recommend Acme to a friend or colleague?',
  csat: 'Overall, how satisfied are you with Acme?',
  ces: 'Acme made it easy for me to handle my issue.',
  reason: 'What is the main reason for your score?',
};
const pad = (n, w = 2) => String(n).padStart(w, '0');
/** wall-clock parts of an instant in a fixed offset from UTC, in hours */
function wall(t, offsetHours = 0) {
  const d = new Date(t + offsetHours * 3600 * 1000);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}
const iso = (t) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
const ymdhms = (w, sep = '-') => `${w.y}${sep}${pad(w.mo)}${sep}${pad(w.d)} ${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}`;
const h12 = (w) => `${pad(((w.h + 11) % 12) + 1)}:${pad(w.mi)}:${pad(w.s)} ${w.h < 12 ? 'AM' : 'PM'}`;
const unix = (t) => Math.floor(t / 1000);
/** America/Denver: MST (UTC-7) until the second Sunday of March 2026 (the 8th), then MDT (UTC-6) */
const denver = (t) => (t < Date.UTC(2026, 2, 8, 9) ? -7 : -6);

function csvLine(cells, delimiter = ',', quoteAllText = false) {
  return cells
    .map((c) => {
      if (c === null || c === undefined) return '';
      const v = String(c);
      const must = v.includes(delimiter) || /["\n\r]/.test(v) || (quoteAllText && typeof c === 'string');
      return must ? `"${v.replaceAll('"', '""')}"` : v;
    })
    .join(delimiter);
}
const csv = (rows, { delimiter = ',', eol = '\n', trailing = '', quoteAllText = false } = {}) =>
  rows.map((r) => csvLine(r, delimiter, quoteAllText) + trailing).join(eol) + eol;

const CP1252 = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '™': 0x99 };
function windows1252(text) {
  return Buffer.from(
    [...text].map((ch) => {
      const c = ch.codePointAt(0);
      if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
      if (CP1252[ch] !== undefined) return CP1252[ch];
      throw new Error(`no Windows-1252 byte for ${ch}`);
    }),
  );
}
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
function write(name, data) {
  writeFileSync(new URL(name, dir), data);
}
const num = (v) => (v === null ? '' : v);

// ---------------------------------------------------------------- labels
const SATISFACTION_QUALTRICS = ['Extremely dissatisfied', 'Somewhat dissatisfied', 'Neither satisfied nor dissatisfied', 'Somewhat satisfied', 'Extremely satisfied'];
const SATISFACTION = ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'];
const AGREEMENT_7 = ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Neither agree nor disagree', 'Somewhat agree', 'Agree', 'Strongly agree'];
const label = (list, v) => (v === null ? '' : list[v - 1]);
const npsGroup = (v) => (v === null ? '' : v >= 9 ? 3 : v >= 7 ? 2 : 1);
const npsGroupText = (v) => (v === null ? '' : v >= 9 ? 'Promoter' : v >= 7 ? 'Passive' : 'Detractor');

// ---------------------------------------------------------------- generic
{
  const header = ['response_id', 'submitted_at', 'region', 'plan', 'nps', 'csat', 'ces', 'comment'];
  const row = (r) => [`R${pad(r.id, 3)}`, iso(r.time), r.region, r.plan, num(r.nps), num(r.csat), num(r.ces), r.comment];
  write('generic.csv', csv([header, ...respondents.map(row)]));
  expect('generic.csv', { layout: 'generic', metrics: ['nps', 'csat', 'ces'], rows: N, skipped: noneOf(['nps', 'csat', 'ces']) });
  const objects = respondents.map((r) => ({ response_id: `R${pad(r.id, 3)}`, submitted_at: iso(r.time), region: r.region, plan: r.plan, nps: r.nps, csat: r.csat, ces: r.ces, comment: r.comment || null }));
  write('generic.json', `${JSON.stringify(objects, null, 2)}\n`);
  expect('generic.json', { layout: 'generic', metrics: ['nps', 'csat', 'ces'], rows: N, skipped: noneOf(['nps', 'csat', 'ces']) });
  const nested = respondents.map((r) => JSON.stringify({ id: `R${pad(r.id, 3)}`, submitted_at: iso(r.time), customer: { region: r.region, plan: r.plan }, scores: { nps: r.nps, csat: r.csat, ces: r.ces }, comment: r.comment }));
  write('generic.ndjson', `${nested.join('\n')}\n`);
  expect('generic.ndjson', { layout: 'generic', metrics: ['nps', 'csat', 'ces'], rows: N, skipped: noneOf(['nps', 'csat', 'ces']) });
}

// ---------------------------------------------------------------- Qualtrics
const qualtricsSpecials = [
  ...extra(2, 1).map((r) => ({ ...r, status: 1 })),
  ...extra(1, 2).map((r) => ({ ...r, status: 2 })),
  ...extra(1, 3).map((r) => ({ ...r, status: 8 })),
];
const STATUS_TEXT = { 0: 'IP Address', 1: 'Survey Preview', 2: 'Survey Test', 8: 'Spam' };
/** respondents and the special rows, in time order */
const qualtricsRows = [...respondents.map((r) => ({ ...r, status: 0 })), ...qualtricsSpecials].sort((a, b) => a.time - b.time || a.id - b.id);
const unfinishedCount = respondents.filter((r) => !r.finished).length;
{
  const meta = [
    ['StartDate', 'Start Date', '{"ImportId":"startDate","timeZone":"America/Denver"}'],
    ['EndDate', 'End Date', '{"ImportId":"endDate","timeZone":"America/Denver"}'],
    ['Status', 'Response Type', '{"ImportId":"status"}'],
    ['IPAddress', 'IP Address', '{"ImportId":"ipAddress"}'],
    ['Progress', 'Progress', '{"ImportId":"progress"}'],
    ['Duration (in seconds)', 'Duration (in seconds)', '{"ImportId":"duration"}'],
    ['Finished', 'Finished', '{"ImportId":"finished"}'],
    ['RecordedDate', 'Recorded Date', '{"ImportId":"recordedDate","timeZone":"America/Denver"}'],
    ['ResponseId', 'Response ID', '{"ImportId":"_recordId"}'],
    ['RecipientLastName', 'Recipient Last Name', '{"ImportId":"recipientLastName"}'],
    ['RecipientFirstName', 'Recipient First Name', '{"ImportId":"recipientFirstName"}'],
    ['RecipientEmail', 'Recipient Email', '{"ImportId":"recipientEmail"}'],
    ['ExternalReference', 'External Data Reference', '{"ImportId":"externalDataReference"}'],
    ['LocationLatitude', 'Location Latitude', '{"ImportId":"locationLatitude"}'],
    ['LocationLongitude', 'Location Longitude', '{"ImportId":"locationLongitude"}'],
    ['DistributionChannel', 'Distribution Channel', '{"ImportId":"distributionChannel"}'],
    ['UserLanguage', 'User Language', '{"ImportId":"userLanguage"}'],
    ['Q1', Q.nps, '{"ImportId":"QID1"}'],
    ['Q1_NPS_GROUP', `${Q.nps} - Group`, '{"ImportId":"QID1_NPS_GROUP"}'],
    ['Q2', Q.csat, '{"ImportId":"QID2"}'],
    ['Q3', Q.ces, '{"ImportId":"QID3"}'],
    ['Q4', Q.reason, '{"ImportId":"QID4_TEXT"}'],
    ['Region', 'Region', '{"ImportId":"Region"}'],
    ['Plan', 'Plan', '{"ImportId":"Plan"}'],
  ];
  const header = [0, 1, 2].map((k) => meta.map((m) => m[k]));
  const row = (r, text) => {
    const startW = wall(r.time - r.duration * 1000, denver(r.time));
    const endW = wall(r.time, denver(r.time));
    return [
      ymdhms(startW),
      ymdhms(endW),
      text ? STATUS_TEXT[r.status] : r.status,
      `203.0.113.${r.id % 250}`,
      r.finished ? 100 : r.id === NOTHING ? 12 : 80,
      r.duration,
      text ? (r.finished ? 'True' : 'False') : r.finished ? 1 : 0,
      ymdhms(endW),
      `R_${pad(r.id, 4)}qx${r.id * 7919}`,
      r.last,
      r.first,
      r.email,
      '',
      '47.1151',
      '7.2316',
      r.status === 0 ? 'email' : 'preview',
      'EN',
      num(r.nps),
      text ? npsGroupText(r.nps) : npsGroup(r.nps),
      text ? label(SATISFACTION_QUALTRICS, r.csat) : num(r.csat),
      text ? label(AGREEMENT_7, r.ces) : num(r.ces),
      r.comment,
      r.region,
      r.plan,
    ];
  };
  write('qualtrics.csv', Buffer.concat([BOM, Buffer.from(csv([...header, ...qualtricsRows.map((r) => row(r, false))]))]));
  const files = { layout: 'qualtrics', metrics: ['nps', 'csat', 'ces'], rows: qualtricsRows.length, skipped: noneOf(['nps', 'csat', 'ces']), excluded: qualtricsSpecials.length, unfinished: unfinishedCount };
  expect('qualtrics.csv', files);
  // the TSV export: UTF-16LE with a BOM, tab-separated, choice text instead of numbers
  const tsv = csv([...header, ...qualtricsRows.map((r) => row(r, true))], { delimiter: '\t', eol: '\r\n' });
  write('qualtrics.tsv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]));
  expect('qualtrics.tsv', { ...files, layout: 'qualtrics' });
}
{
  // legacy (pre-2017): V1…V10 then labels, every line ends with a comma, UTF-8 BOM
  const header1 = ['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9', 'V10', 'Q1', 'Q2', 'Q3', 'Q4', 'Region', 'Plan'];
  const header2 = ['ResponseID', 'ResponseSet', 'Name', 'ExternalDataReference', 'EmailAddress', 'IPAddress', 'Status', 'StartDate', 'EndDate', 'Finished', Q.nps, Q.csat, Q.ces, Q.reason, 'Region', 'Plan'];
  const row = (r) => {
    const w = wall(r.time, denver(r.time));
    return [`R_${pad(r.id, 4)}qx${r.id * 7919}`, 'Default Response Set', `${r.last}, ${r.first}`, '', r.email, `203.0.113.${r.id % 250}`, r.status, ymdhms(wall(r.time - r.duration * 1000, denver(r.time))), ymdhms(w), r.finished ? 1 : 0, num(r.nps), num(r.csat), num(r.ces), r.comment, r.region, r.plan];
  };
  write('qualtrics-legacy.csv', Buffer.concat([BOM, Buffer.from(csv([header1, header2, ...qualtricsRows.map(row)], { trailing: ',' }))]));
  expect('qualtrics-legacy.csv', { layout: 'qualtrics-legacy', metrics: ['nps', 'csat', 'ces'], rows: qualtricsRows.length, skipped: noneOf(['nps', 'csat', 'ces']), excluded: qualtricsSpecials.length, unfinished: unfinishedCount });
}

// ---------------------------------------------------------------- SurveyMonkey
{
  const meta = ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'First Name', 'Last Name', 'Custom Data 1'];
  const products = 'Which Acme products do you use?';
  const row1 = [...meta, Q.nps, Q.csat, Q.ces, products, '', '', Q.reason];
  const row2 = [...meta.map(() => ''), 'Response', 'Response', 'Response', 'Widgets', 'Gadgets', 'Other (please specify)', 'Open-Ended Response'];
  const npsText = (v) => (v === null ? '' : v === 10 ? 'Extremely likely' : v === 0 ? 'Not at all likely' : String(v));
  const us = (t) => {
    const w = wall(t, -5);
    return `${pad(w.mo)}/${pad(w.d)}/${w.y} ${h12(w)}`;
  };
  const rows = respondents.map((r) => [
    11800000000 + r.id * 37,
    404000123,
    us(r.time - r.duration * 1000),
    us(r.time),
    `198.51.100.${r.id}`,
    r.email,
    r.first,
    r.last,
    r.region,
    npsText(r.nps),
    label(SATISFACTION, r.csat),
    label(AGREEMENT_7, r.ces),
    r.id % 2 ? 'Widgets' : '',
    r.id % 3 ? 'Gadgets' : '',
    r.id % 5 === 0 ? 'Doohickeys' : '',
    r.comment,
  ]);
  write('surveymonkey.csv', csv([row1, row2, ...rows], { eol: '\r\n' }));
  expect('surveymonkey.csv', { layout: 'surveymonkey', metrics: ['nps', 'csat', 'ces'], rows: N, skipped: noneOf(['nps', 'csat', 'ces']) });
}

// ---------------------------------------------------------------- Typeform
const typeformPartials = extra(2, 4);
{
  const header = ['#', Q.nps, Q.csat, Q.ces, Q.reason, 'region', 'Response Type', 'Start Date (UTC)', 'Stage Date (UTC)', 'Submit Date (UTC)', 'Network ID', 'Tags'];
  const all = [...respondents.map((r) => ({ ...r, partial: false })), ...typeformPartials.map((r) => ({ ...r, partial: true, csat: null, ces: null }))].sort((a, b) => a.time - b.time || a.id - b.id);
  const rows = all.map((r) => [
    `tok${pad(r.id, 3)}x${(r.id * 2654435761) % 100000}`,
    num(r.nps),
    num(r.csat),
    num(r.ces),
    r.comment,
    r.region,
    r.partial ? 'partial' : 'completed',
    ymdhms(wall(r.time - r.duration * 1000)),
    ymdhms(wall(r.time)),
    r.partial ? '' : ymdhms(wall(r.time)),
    `net${r.id % 7}`,
    '',
  ]);
  write('typeform.csv', csv([header, ...rows]));
  expect('typeform.csv', { layout: 'typeform', metrics: ['nps', 'csat', 'ces'], rows: all.length, skipped: noneOf(['nps', 'csat', 'ces']), excluded: typeformPartials.length });

  // API JSON: answers by field; the NPS field has an opaque ref and is known by its type
  const field = (id, ref, type) => ({ id, ref, type });
  const fields = {
    nps: field('Nx1NPS', '6f1c9a52-3b7e-4d0a-9e2f-7a8b9c0d1e2f', 'nps'),
    csat: field('Cx2SAT', 'csat', 'opinion_scale'),
    ces: field('Ex3EFF', 'effort', 'opinion_scale'),
    reason: field('Rx4WHY', 'reason', 'long_text'),
  };
  const items = all.map((r) => {
    const answers = [];
    if (r.nps !== null) answers.push({ field: fields.nps, type: 'number', number: r.nps });
    if (r.csat !== null) answers.push({ field: fields.csat, type: 'number', number: r.csat });
    if (r.ces !== null) answers.push({ field: fields.ces, type: 'number', number: r.ces });
    if (r.comment) answers.push({ field: fields.reason, type: 'text', text: r.comment });
    const token = `tok${pad(r.id, 3)}x${(r.id * 2654435761) % 100000}`;
    return {
      landing_id: token,
      token,
      response_id: token,
      response_type: r.partial ? 'partial' : 'completed',
      landed_at: iso(r.time - r.duration * 1000),
      ...(r.partial ? {} : { submitted_at: iso(r.time) }),
      metadata: { user_agent: 'Mozilla/5.0', platform: 'other', referer: 'https://acme.example/survey', network_id: `net${r.id % 7}`, browser: 'default' },
      hidden: { region: r.region },
      calculated: { score: 0 },
      answers,
    };
  });
  write('typeform.json', `${JSON.stringify({ total_items: items.length, page_count: 1, items }, null, 2)}\n`);
  expect('typeform.json', { layout: 'typeform', metrics: ['nps', 'csat', 'ces'], rows: all.length, skipped: noneOf(['nps', 'csat', 'ces']), excluded: typeformPartials.length });
}

// ---------------------------------------------------------------- Google Forms and Sheets
{
  const header = ['Timestamp', 'Email Address', Q.nps, Q.csat, Q.ces, Q.reason, 'Region'];
  const forms = (t) => {
    const w = wall(t, 1);
    return `${w.y}/${pad(w.mo)}/${pad(w.d)} ${h12(w)} GMT+1`;
  };
  const sheets = (t) => {
    const w = wall(t, 1);
    return `${w.mo}/${w.d}/${w.y} ${w.h}:${pad(w.mi)}:${pad(w.s)}`;
  };
  const rows = (date) => respondents.map((r) => [date(r.time), r.email, num(r.nps), num(r.csat), num(r.ces), r.comment, r.region]);
  write('google-forms.csv', csv([header, ...rows(forms)]));
  expect('google-forms.csv', { layout: 'google-forms', metrics: ['nps', 'csat', 'ces'], rows: N, skipped: noneOf(['nps', 'csat', 'ces']) });
  write('google-sheets.csv', csv([header, ...rows(sheets)]));
  expect('google-sheets.csv', { layout: 'google-forms', metrics: ['nps', 'csat', 'ces'], rows: N, skipped: noneOf(['nps', 'csat', 'ces']) });
}

// ---------------------------------------------------------------- Microsoft Forms (re-saved from Excel)
{
  const reason = `${Q.reason.slice(0, -1)} — in a few words?`;
  const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time', Q.nps, Q.csat, Q.ces, reason, 'Region'];
  const mdyy = (t) => {
    const w = wall(t);
    return `${w.mo}/${w.d}/${String(w.y).slice(2)} ${w.h}:${pad(w.mi)}:${pad(w.s)}`;
  };
  const rows = respondents.map((r) => [r.id, mdyy(r.time - r.duration * 1000), mdyy(r.time), 'anonymous', '', '', num(r.nps), num(r.csat), label(AGREEMENT_7, r.ces), r.comment, r.region]);
  const text = csv([header, ...rows], { eol: '\r\n' });
  write('microsoft-forms.csv', Buffer.concat([BOM, Buffer.from(text)]));
  expect('microsoft-forms.csv', { layout: 'microsoft-forms', metrics: ['nps', 'csat', 'ces'], rows: N, skipped: noneOf(['nps', 'csat', 'ces']) });
  write('microsoft-forms-ansi.csv', windows1252(text));
  expect('microsoft-forms-ansi.csv', { layout: 'microsoft-forms', metrics: ['nps', 'csat', 'ces'], rows: N, skipped: noneOf(['nps', 'csat', 'ces']) });
}

// ---------------------------------------------------------------- Delighted (people who never answered are not responses)
{
  const answered = respondents.filter((r) => r.nps !== null);
  const header = ['Response ID', 'Email', 'Name', 'Score', 'Comment', 'Response timestamp', 'Region', 'Plan'];
  const rows = answered.map((r) => [9100 + r.id, r.email, `${r.first} ${r.last}`, r.nps, r.comment, `${ymdhms(wall(r.time))} UTC`, r.region, r.plan]);
  write('delighted.csv', csv([header, ...rows]));
  expect('delighted.csv', { layout: 'delighted', metrics: ['nps'], rows: answered.length, skipped: 0 });
  const objects = answered.map((r) => ({
    id: String(9100 + r.id),
    person: String(5500 + r.id),
    survey_type: 'nps',
    score: r.nps,
    comment: r.comment || null,
    permalink: `https://app.delighted.example/r/${9100 + r.id}`,
    created_at: unix(r.time),
    updated_at: unix(r.time) + 60,
    person_properties: { Region: r.region, Plan: r.plan },
    notes: [],
    tags: [],
    additional_answers: [],
  }));
  write('delighted.json', `${JSON.stringify(objects, null, 2)}\n`);
  expect('delighted.json', { layout: 'delighted', metrics: ['nps'], rows: answered.length, skipped: 0 });
}

// ---------------------------------------------------------------- Zendesk CSAT: good = satisfied (4-5), bad = the rest
{
  const unoffered = extra(2, 5).map((r) => ({ ...r, csat: null, unoffered: true }));
  const all = [...respondents, ...unoffered].sort((a, b) => a.time - b.time || a.id - b.id);
  const ratings = all.map((r) => ({
    url: `https://acme.zendesk.example/api/v2/satisfaction_ratings/${7000 + r.id}.json`,
    id: 7000 + r.id,
    assignee_id: 300 + (r.id % 4),
    group_id: 40 + REGIONS.indexOf(r.region),
    requester_id: 8800 + r.id,
    ticket_id: 2000 + r.id,
    score: r.unoffered ? 'unoffered' : r.csat === null ? 'offered' : r.csat >= 4 ? 'good' : 'bad',
    comment: r.csat === null ? null : r.comment || null,
    reason: r.csat !== null && r.csat < 4 ? 'Issue took too long to resolve' : null,
    reason_code: r.csat !== null && r.csat < 4 ? 5 : 0,
    created_at: iso(r.time),
    updated_at: iso(r.time + 3600 * 1000),
  }));
  write('zendesk.json', `${JSON.stringify({ satisfaction_ratings: ratings, next_page: null, previous_page: null, count: ratings.length }, null, 2)}\n`);
  expect('zendesk.json', { layout: 'zendesk', metrics: ['csat'], rows: all.length, skipped: 0, excluded: all.length - respondents.filter((r) => r.csat !== null).length });
}

// ---------------------------------------------------------------- Intercom: conversation ratings 1-5, null when not rated
{
  const unrated = extra(2, 6).map((r) => ({ ...r, csat: null, noRating: true }));
  const all = [...respondents, ...unrated].sort((a, b) => a.time - b.time || a.id - b.id);
  const conversations = all.map((r) => ({
    type: 'conversation',
    id: String(190000 + r.id),
    created_at: unix(r.time) - 3600,
    updated_at: unix(r.time),
    state: 'closed',
    tags: { type: 'tag.list', tags: [{ type: 'tag', id: '17', name: r.plan }] },
    custom_attributes: { Region: r.region },
    conversation_rating: r.noRating
      ? null
      : { rating: r.csat, remark: r.csat === null ? null : r.comment || null, created_at: r.csat === null ? null : unix(r.time), contact: { type: 'contact', id: `c${r.id}` }, teammate: { type: 'admin', id: String(300 + (r.id % 4)) } },
  }));
  write('intercom.json', `${JSON.stringify({ type: 'conversation.list', conversations, total_count: conversations.length, pages: { type: 'pages', page: 1, per_page: 50, total_pages: 1 } }, null, 2)}\n`);
  expect('intercom.json', { layout: 'intercom', metrics: ['csat'], rows: all.length, skipped: 0, excluded: all.filter((r) => r.csat === null).length });
}

// ---------------------------------------------------------------- Hotjar (layout unverified: docs/formats.md "U")
{
  const header = ['Number', 'User', 'Date Submitted', 'Country', 'Source URL', 'Device', 'Browser', 'OS', Q.nps, Q.reason];
  const rows = respondents.map((r) => [r.id, `u${1000 + r.id}`, ymdhms(wall(r.time)), r.region === 'EMEA' ? 'Germany' : r.region === 'APAC' ? 'Japan' : r.region === 'LATAM' ? 'Brazil' : 'United States', 'https://acme.example/help', r.id % 3 ? 'desktop' : 'mobile', 'Chrome', 'Windows', num(r.nps), r.comment]);
  write('hotjar.csv', csv([header, ...rows]));
  expect('hotjar.csv', { layout: 'hotjar', metrics: ['nps'], rows: N, skipped: noneOf(['nps']) });
}

// ---------------------------------------------------------------- Formbricks (json2csv: text quoted, numbers bare, formula guard)
{
  const header = ['No.', 'Response ID', 'Timestamp', 'Finished', 'Survey ID', 'Formbricks ID (internal)', 'User ID', 'Tags', 'url', 'country', 'userAgent - browser', `1. ${Q.nps}`, `2. ${Q.csat}`, `3. ${Q.ces}`, `4. ${Q.reason}`, 'region', 'ab_group'];
  const guard = (v) => (typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v);
  const rows = respondents.map((r, k) => {
    const w = wall(r.time, 1);
    return [k + 1, `clr${pad(r.id, 3)}resp`, `${ymdhms(w)} GMT+1`, r.finished ? 'Yes' : 'No', 'clsurvey01', `clperson${r.id}`, '', '', 'https://acme.example/app', 'DE', 'Chrome', num(r.nps), num(r.csat), num(r.ces), guard(r.comment), r.region, guard(r.id % 2 ? '-1' : '1')];
  });
  write('formbricks.csv', csv([header, ...rows], { quoteAllText: true }));
  expect('formbricks.csv', { layout: 'formbricks', metrics: ['nps', 'csat', 'ces'], rows: N, skipped: noneOf(['nps', 'csat', 'ces']), unfinished: unfinishedCount });
}

// ---------------------------------------------------------------- European Excel (Medallia-style report re-saved: ; decimal comma, DD.MM.YYYY, cp1252)
{
  const header = ['Response ID', 'Survey Date', 'Region', 'Likelihood to Recommend', 'Overall Satisfaction', 'Customer Effort', 'Comment'];
  const dec = (v) => (v === null ? '' : `${v},0`);
  const rows = respondents.map((r) => {
    const w = wall(r.time, 1);
    return [`M-${pad(r.id, 4)}`, `${pad(w.d)}.${pad(w.mo)}.${w.y} ${pad(w.h)}:${pad(w.mi)}`, r.region, dec(r.nps), dec(r.csat), dec(r.ces), r.comment];
  });
  write('excel-european.csv', windows1252(csv([header, ...rows], { delimiter: ';', eol: '\r\n' })));
  expect('excel-european.csv', { layout: 'generic', metrics: ['nps', 'csat', 'ces'], rows: N, skipped: noneOf(['nps', 'csat', 'ces']) });
}

write('expected.json', `${JSON.stringify(expected, null, 2)}\n`);
console.log(`wrote ${Object.keys(expected.files).length} exports of ${N} respondents to fixtures/exports/`);

// ---------------------------------------------------------------- fixtures/trust/: files on which cxm used to print a wrong number
// (issue 13). Their own seed, so the exports above keep their bytes.
{
  const trustDir = new URL('../fixtures/trust/', import.meta.url);
  mkdirSync(trustDir, { recursive: true });
  const put = (name, data) => writeFileSync(new URL(name, trustDir), data);
  const r2 = random(20261208);
  const pick2 = picker(r2);
  const day = (k) => new Date(Date.UTC(2025, 0, 6) + k * DAY).toISOString().slice(0, 10);

  // Skytrax-style reviews (the public airline-review layout): every cell quoted, ratings written 9.0,
  // `overall_rating` 1-10, sub-ratings 1-5, `recommended` 0/1, the review text in `content`.
  const AIRLINES = ['aegean-airlines', 'aer-lingus', 'air-canada', 'alitalia'];
  const TEXTS = ['Clean plane and friendly crew, would fly again without hesitation.', 'Seat was narrow and the legroom poor for a four hour flight.', 'Food was cold, the crew ignored the call button twice.', 'Good value for a short hop, boarding was quick and orderly.'];
  const reviews = Array.from({ length: 60 }, (_, k) => {
    const overall = pick2([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [8, 4, 3, 3, 2, 2, 3, 4, 3, 2]);
    const recommended = overall >= 7 ? (r2() < 0.9 ? 1 : 0) : r2() < 0.1 ? 1 : 0;
    const sub = () => String(Math.max(1, Math.min(5, Math.round(overall / 2 + (r2() - 0.5) * 2))));
    return [pick2(AIRLINES, [1, 1, 1, 1]), `Reviewer ${k + 1}`, 'United Kingdom', day(k), `${TEXTS[k % TEXTS.length]} Flight ${k + 1} of ${pick2(['a city break', 'a business trip', 'our holiday'], [1, 1, 1])}.`, pick2(['Economy', 'Premium Economy', 'Business Class'], [6, 2, 2]), `${overall}.0`, sub(), sub(), String(recommended)];
  });
  const reviewHeader = ['airline_name', 'author', 'author_country', 'date', 'content', 'cabin_flown', 'overall_rating', 'seat_legroom_rating', 'seat_width_rating', 'recommended'];
  put('reviews.csv', csv([reviewHeader, ...reviews], { quoteAllText: true }));
  const expectedReviews = { n: reviews.length, yes: reviews.filter((r) => r[9] === '1').length };
  // the same reviews with the recommendation written out, Yes/No
  put('reviews-yes-no.csv', csv([reviewHeader, ...reviews.map((r) => [...r.slice(0, 9), r[9] === '1' ? 'Yes' : 'No'])], { quoteAllText: true }));

  // Lounge-style ratings: 97 of 100 answers on 1-5, 3 on 6-10 (a 5-point rating with a few stray 10s)
  const lounge = Array.from({ length: 100 }, (_, k) => [`L${pad(k + 1, 3)}`, day(k % 60), k < 3 ? String([10, 9, 6][k]) : String(pick2([1, 2, 3, 4, 5], [2, 4, 5, 6, 3])), `${TEXTS[k % TEXTS.length]} Visit ${k + 1}.`]);
  put('lounge.csv', csv([['review_id', 'date', 'overall_rating', 'content'], ...lounge]));
  // a 0-100 "likelihood to recommend" slider read as NPS: most answers above 10
  const slider = Array.from({ length: 40 }, (_, k) => [`S${pad(k + 1, 3)}`, day(k), String(k % 8 === 0 ? pick2([0, 5, 10], [1, 1, 1]) : 20 + Math.floor(r2() * 81))]);
  put('slider.csv', csv([['response_id', 'date', 'Likelihood to recommend'], ...slider]));

  // Delighted CSV exports that state the survey type: a CSAT survey (1-5), and one file of two surveys
  const delightedHeader = ['Response ID', 'Email', 'Name', 'Survey type', 'Score', 'Comment', 'Response timestamp', 'Region'];
  const deliRow = (k, type, score) => [8800 + k, `person${k}@example.com`, `Person ${k}`, type, score, k % 3 ? '' : 'Thanks', `${day(k % 60)} 10:00:00 UTC`, REGIONS[k % 4]];
  const csatScores = Array.from({ length: 30 }, () => pick2([1, 2, 3, 4, 5], [1, 1, 2, 5, 6]));
  put('delighted-csat.csv', csv([delightedHeader, ...csatScores.map((v, k) => deliRow(k, 'csat', v))]));
  const npsScores = Array.from({ length: 30 }, () => pick2([...Array(11).keys()], [1, 1, 1, 1, 1, 2, 2, 4, 5, 6, 6]));
  const mixed = [...npsScores.map((v, k) => deliRow(k, 'nps', v)), ...csatScores.map((v, k) => deliRow(100 + k, 'csat', v))].sort((a, b) => (a[6] < b[6] ? -1 : a[6] > b[6] ? 1 : a[0] - b[0]));
  put('delighted-mixed.csv', csv([delightedHeader, ...mixed]));
  // the same two surveys from the API (JSON)
  put('delighted-mixed.json', `${JSON.stringify(mixed.map((r) => ({ id: String(r[0]), person: String(r[0] + 1000), survey_type: r[3], score: r[4], comment: r[5] || null, created_at: Math.floor(Date.parse(r[6].replace(' UTC', 'Z').replace(' ', 'T')) / 1000), person_properties: { Region: r[7] } })), null, 2)}\n`);
  const expectedTrust = {
    reviews: expectedReviews,
    'delighted-csat.csv': { csat: { satisfied: csatScores.filter((v) => v >= 4).length, other: csatScores.filter((v) => v < 4).length } },
    'delighted-mixed': {
      nps: { promoters: npsScores.filter((v) => v >= 9).length, passives: npsScores.filter((v) => v === 7 || v === 8).length, detractors: npsScores.filter((v) => v <= 6).length },
      csat: { satisfied: csatScores.filter((v) => v >= 4).length, other: csatScores.filter((v) => v < 4).length },
    },
  };

  // two weekly Qualtrics-style generic exports that overlap by 5 responses (a glob in a cron job)
  const weekRows = respondents.map((r) => [`R_${pad(r.id, 4)}`, iso(r.time), r.region, num(r.nps), num(r.csat), r.comment]);
  const weekHeader = ['ResponseId', 'RecordedDate', 'Region', 'nps', 'csat', 'comment'];
  put('week-1.csv', csv([weekHeader, ...weekRows.slice(0, 25)]));
  // an answer edited after the first export: the later export holds the latest score
  const edited = weekRows.slice(20).map((r, k) => (k === 0 ? [r[0], r[1], r[2], r[3] !== '' && r[3] >= 7 ? 0 : 10, r[4], r[5]] : r));
  put('week-2.csv', csv([weekHeader, ...edited]));
  // one export holding a response twice
  put('week-twice.csv', csv([weekHeader, ...weekRows.slice(0, 10), weekRows[3]]));
  expectedTrust.weeks = { distinct: N, overlap: 5, overlapNps: weekRows.slice(20, 25).filter((r) => r[3] !== '').length, editedId: weekRows[20][0], firstScore: weekRows[20][3], lastScore: edited[0][3] };

  // Microsoft Forms: a 5-label agreement question (Likert) for effort
  const AGREEMENT_5 = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];
  const ces5 = Array.from({ length: 40 }, () => pick2([1, 2, 3, 4, 5], [2, 3, 4, 6, 5]));
  const mdyy = (k) => `1/${(k % 28) + 1}/26 10:${pad(k % 60)}:00`;
  put('microsoft-forms-agree5.csv', Buffer.concat([BOM, Buffer.from(csv([['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time', Q.ces], ...ces5.map((v, k) => [k + 1, mdyy(k), mdyy(k), 'anonymous', '', '', AGREEMENT_5[v - 1]])], { eol: '\r\n' }))]));
  expectedTrust['microsoft-forms-agree5.csv'] = { mean: ces5.reduce((a, b) => a + b, 0) / ces5.length, n: ces5.length, agree: ces5.filter((v) => v >= 4).length };

  // headers in other languages, each stating its scale
  const lang = Array.from({ length: 30 }, (_, k) => [day(k), pick2(['Nord', 'Süd'], [1, 1]), pick2([...Array(11).keys()], [1, 1, 1, 1, 1, 2, 2, 4, 5, 6, 6]), pick2([1, 2, 3, 4, 5], [1, 1, 2, 5, 6]), pick2([1, 2, 3, 4, 5, 6, 7], [1, 1, 2, 3, 4, 5, 4])]);
  put('german-headers.csv', csv([['Datum', 'Region', 'Weiterempfehlung (0-10)', 'Zufriedenheit (1-5)', 'Aufwand (1-7)'], ...lang], { delimiter: ';' }));
  put('french-headers.csv', csv([['Date', 'Région', 'Recommanderiez-vous [0–10]', 'Satisfaction globale (1 à 5)', 'Facilité (1-7)'], ...lang]));
  const HEADERS = {
    es: ['¿Recomendaría Acme? (0-10)', 'Satisfacción (1-5)', 'Esfuerzo (1-7)'],
    pt: ['Recomendaria a Acme (0-10)', 'Satisfação (1-5)', 'Esforço (1-7)'],
    it: ['Raccomanderesti Acme (0-10)', 'Soddisfazione (1-5)', 'Facilità (1-7)'],
    nl: ['Zou u Acme aanbevelen (0-10)', 'Tevredenheid (1-5)', 'Inspanning (1-7)'],
  };
  for (const [code, names] of Object.entries(HEADERS)) put(`headers-${code}.csv`, csv([['date', 'region', ...names], ...lang]));
  // a 1-5 satisfaction written on its header as 1-10: the header's scale is what the question used
  // an effort question on 1-5 that says so only in its header: read on 1-7 it would be a different CES %
  const effort5 = lang.map((r) => 1 + (r[4] % 5));
  put('scale-in-header.csv', csv([['date', 'Customer effort (1-5)'], ...lang.map((r, k) => [r[0], effort5[k]])]));
  expectedTrust['scale-in-header.csv'] = { agree: effort5.filter((v) => v >= 4).length, n: effort5.length };
  expectedTrust.languages = { nps: lang.map((r) => r[2]), csat: lang.map((r) => r[3]), ces: lang.map((r) => r[4]) };

  put('expected.json', `${JSON.stringify(expectedTrust, null, 2)}\n`);
  console.log('wrote fixtures/trust/');
}
