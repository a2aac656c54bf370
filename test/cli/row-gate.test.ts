// The row gate (--join, --where, --since/--until) in front of the row collectors: report's comment
// sample and followup's list are about the rows the numbers count. Expected rows are computed here
// from the fixtures with a plain CSV reader, the tag rules applied by hand — not through cxm's code.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { parsePlainCsv, readPlainCsv, type PlainRow } from '../plain-csv.js';

const RESPONSES = 'fixtures/responses.csv';
const CUSTOMERS = 'fixtures/customers.csv';
const TAGS = 'fixtures/tags.json';

const responses = readPlainCsv(RESPONSES);
const customers = new Map(readPlainCsv(CUSTOMERS).map((c) => [c.email.trim(), c]));
const tagRules = Object.entries(JSON.parse(readFileSync(TAGS, 'utf8')) as Record<string, string[]>);

/** A keyword matches anywhere, ignoring case; `/source/flags` is a regular expression. */
function tagsOf(comment: string): string[] {
  const matches = (pattern: string) => {
    const re = /^\/(.*)\/([a-z]*)$/.exec(pattern);
    return re ? new RegExp(re[1], re[2]).test(comment) : comment.toLowerCase().includes(pattern.toLowerCase());
  };
  return tagRules.filter(([, patterns]) => patterns.some(matches)).map(([tag]) => tag);
}

const day = (r: PlainRow) => r.submitted_at.slice(0, 10); // every fixture time is UTC (`Z`)
const nps = (r: PlainRow) => (/^\d+$/.test(r.nps.trim()) ? Number(r.nps) : null);
const isDetractor = (r: PlainRow) => nps(r) !== null && nps(r)! <= 6;
const hasComment = (r: PlainRow) => r.comment.trim() !== '';
const customer = (r: PlainRow) => customers.get(r.email.trim());
const between = (r: PlainRow, first: string, last: string) => day(r) >= first && day(r) <= last;
/** Newest first: later time, then later line. */
const newestFirst = (rows: PlainRow[]) => [...rows].sort((a, b) => (a.submitted_at < b.submitted_at ? 1 : a.submitted_at > b.submitted_at ? -1 : Number(b.$line) - Number(a.$line)));
/** The response ids of cxm's rows (`id`) or of the fixture's rows (`response_id`). */
const ids = (rows: readonly object[]) => rows.map((r) => (r as { id?: string }).id ?? (r as { response_id?: string }).response_id);

interface ListRow {
  id: string;
  date: string;
  score: number;
  group: Record<string, string>;
  contact: Record<string, string>;
  tags?: string[];
  comment: string;
}

async function json<T>(args: string[]): Promise<T> {
  const r = await runCli([...args, '--format', 'json', '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

type ReportJson = { comments: { matched: number; rows: ListRow[] }; input: { excluded: number } };
type FollowupJson = { matched: number; rows: ListRow[]; input: Record<string, number>; settings: Record<string, unknown> & { columns: { by: string[] } } };

describe('report: the comment sample is of the report\'s rows', () => {
  it('--where region = EMEA: only EMEA comments (the reproduction of the bug)', async () => {
    const r = await runCli(['report', RESPONSES, '--every', 'month', '--as-of', '2026-06-30', '--format', 'markdown', '--where', 'region = EMEA']);
    expect(r.code).toBe(0);
    const section = r.stdout.slice(r.stdout.indexOf('## Comments'), r.stdout.indexOf('\n---'));
    const shown = [...section.matchAll(/R\\?_(\d+)/g)].map((m) => `R_${m[1]}`);
    const expected = newestFirst(responses.filter((x) => x.region === 'EMEA' && between(x, '2026-06-01', '2026-06-30') && isDetractor(x) && hasComment(x)));
    expect(shown).toEqual(ids(expected.slice(0, 5)));
    const region = new Map(responses.map((x) => [x.response_id, x.region]));
    expect(shown.every((id) => region.get(id) === 'EMEA')).toBe(true);
    // without the filter, the month's comments come from other regions too
    const all = newestFirst(responses.filter((x) => between(x, '2026-06-01', '2026-06-30') && isDetractor(x) && hasComment(x)));
    expect(all.slice(0, 5).some((x) => x.region !== 'EMEA')).toBe(true);

    const out = await json<ReportJson>(['report', RESPONSES, '--every', 'month', '--as-of', '2026-06-30', '--where', 'region = EMEA', '--comments', '100']);
    expect(out.comments.matched).toBe(expected.length);
    expect(ids(out.comments.rows)).toEqual(ids(expected));
  });

  it('joined columns in --where and --by, --since inside the period, tags shown on each comment', async () => {
    const out = await json<ReportJson>([
      'report', RESPONSES, '--every', 'quarter', '--as-of', '2026-06-30', '--join', CUSTOMERS, '--on', 'email',
      '--where', 'tier in (Enterprise, Mid-Market)', '--since', '2026-05-10', '--tags', TAGS, '--by', 'tier,tag', '--comments', '100',
    ]);
    const tiers = ['Enterprise', 'Mid-Market'];
    const expected = newestFirst(responses.filter((x) => tiers.includes(customer(x)?.tier ?? '') && between(x, '2026-05-10', '2026-06-30') && isDetractor(x) && hasComment(x)));
    expect(expected.length).toBeGreaterThan(3);
    expect(ids(out.comments.rows)).toEqual(ids(expected));
    expect(out.comments.rows.map((r) => r.group)).toEqual(expected.map((x) => ({ tier: customer(x)!.tier })));
    expect(out.comments.rows.map((r) => r.tags)).toEqual(expected.map((x) => tagsOf(x.comment)));
  });

  it('--where on a tag: the comments that have it', async () => {
    const out = await json<ReportJson>(['report', RESPONSES, '--every', 'quarter', '--as-of', '2026-06-30', '--tags', TAGS, '--where', 'tag = speed', '--comments', '100']);
    const expected = newestFirst(responses.filter((x) => between(x, '2026-04-01', '2026-06-30') && isDetractor(x) && hasComment(x) && tagsOf(x.comment).includes('speed')));
    expect(expected.length).toBeGreaterThan(1);
    expect(ids(out.comments.rows)).toEqual(ids(expected));
  });

  it('rows the numbers leave out by --weight or --per are not quoted either', async () => {
    const april = (extra: string[]) => json<ReportJson>(['report', RESPONSES, '--every', 'month', '--as-of', '2026-04-30', '--join', CUSTOMERS, '--on', 'email', '--comments', '100', ...extra]);
    const inApril = responses.filter((x) => between(x, '2026-04-01', '2026-04-30') && isDetractor(x) && hasComment(x));
    const matched = newestFirst(inApril.filter((x) => customer(x) !== undefined));
    // a detractor without a customer row: blank revenue (an invalid weight) and no account
    expect(inApril.length).toBeGreaterThan(matched.length);
    expect(ids((await april([])).comments.rows)).toEqual(ids(newestFirst(inApril)));
    expect(ids((await april(['--weight', 'revenue'])).comments.rows)).toEqual(ids(matched));
    expect(ids((await april(['--per', 'account'])).comments.rows)).toEqual(ids(matched));
  });
});

describe('followup: --where, --join, --tags', () => {
  it('--where with --since/--until: the rows, and every row counted once', async () => {
    const out = await json<FollowupJson>(['followup', RESPONSES, '--where', 'region = EMEA', '--since', '2026-06-01', '--until', '2026-06-30', '--group', 'all']);
    const kept = responses.filter((x) => x.region === 'EMEA' && between(x, '2026-06-01', '2026-06-30'));
    const answered = kept.filter((x) => nps(x) !== null);
    expect(ids(out.rows)).toEqual(ids(newestFirst(answered)));
    expect(out.input).toMatchObject({ rows: responses.length, used: answered.length, skipped: kept.length - answered.length, invalid: 0, excluded: responses.length - kept.length });
    expect(out.settings.where).toEqual(['region = EMEA']);
  });

  it('counts the rows as score does with the same flags (one gate)', async () => {
    const flags = ['--where', 'plan in (Pro, Business) and channel != sms', '--since', '2026-03-01', '--until', '2026-05-31'];
    const list = await json<FollowupJson>(['followup', RESPONSES, ...flags]);
    const score = await json<{ input: Record<string, number> }>(['score', RESPONSES, '--metric', 'nps', ...flags]);
    for (const key of ['rows', 'used', 'skipped', 'invalid', 'excluded']) expect(list.input[key]).toBe(score.input[key]);
    const expected = newestFirst(responses.filter((x) => ['Pro', 'Business'].includes(x.plan) && x.channel !== 'sms' && between(x, '2026-03-01', '2026-05-31') && isDetractor(x)));
    expect(ids(list.rows)).toEqual(ids(expected));
  });

  it('--join: the customer file\'s columns in --where, --by and --contact', async () => {
    const out = await json<FollowupJson>([
      'followup', RESPONSES, '--join', CUSTOMERS, '--on', 'email', '--where', 'tier = Enterprise and revenue >= 50000',
      '--by', 'account,tier', '--contact', 'email,industry',
    ]);
    const expected = newestFirst(responses.filter((x) => customer(x)?.tier === 'Enterprise' && Number(customer(x)!.revenue) >= 50000 && isDetractor(x)));
    expect(expected.length).toBeGreaterThan(1);
    expect(ids(out.rows)).toEqual(ids(expected));
    expect(out.rows.map((r) => r.group)).toEqual(expected.map((x) => ({ account: customer(x)!.account, tier: 'Enterprise' })));
    expect(out.rows.map((r) => r.contact)).toEqual(expected.map((x) => ({ email: x.email, industry: customer(x)!.industry })));
    const unmatched = responses.filter((x) => customer(x) === undefined).length;
    expect(out.settings.join).toMatchObject({ file: CUSTOMERS, on: 'email', key: 'email', rows: customers.size, unmatched });
  });

  it('--tags: every row has its tags, and --where tag = billing keeps the rows that have it', async () => {
    const out = await json<FollowupJson>(['followup', RESPONSES, '--tags', TAGS, '--where', 'tag = billing', '--with-comment', '--by', 'region,tag']);
    const expected = newestFirst(responses.filter((x) => isDetractor(x) && hasComment(x) && tagsOf(x.comment).includes('billing')));
    expect(expected.length).toBeGreaterThan(1);
    expect(ids(out.rows)).toEqual(ids(expected));
    expect(out.rows.map((r) => r.tags)).toEqual(expected.map((x) => tagsOf(x.comment)));
    // `tag` in --by is the tags column the list has anyway
    expect(out.settings.columns.by).toEqual(['region']);
    expect(out.settings.tags).toEqual({ file: TAGS, column: 'comment', tags: tagRules.map(([tag]) => tag) });

    const csv = await runCli(['followup', RESPONSES, '--tags', TAGS, '--since', '2026-06-20', '--by', 'region', '--no-contact', '--format', 'csv', '--quiet']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('id,date,timestamp,score,category,region,tags,comment');
    const june = newestFirst(responses.filter((x) => day(x) >= '2026-06-20' && isDetractor(x)));
    const tagCells = parsePlainCsv(csv.stdout).map((r) => r.tags);
    expect(tagCells).toEqual(june.map((x) => (tagsOf(x.comment).join(', ') || '(untagged)')));
  });

  it('a table says what the filter, the join and the tags did', async () => {
    const r = await runCli(['followup', RESPONSES, '--join', CUSTOMERS, '--on', 'email', '--where', 'tier = SMB', '--tags', TAGS, '--limit', '2', '--no-color', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('│ tags');
    expect(r.stdout).toContain('Filter: tier = SMB; the rows it leaves out count as excluded.');
    expect(r.stdout).toMatch(/Joined fixtures\/customers\.csv \(465 rows\) on "email": 15 responses without a match/);
    expect(r.stdout).toContain('Tags from fixtures/tags.json (column "comment")');
  });

  it.each([
    [['--weight', 'nps'], /^cxm: --weight does not apply to followup: it lists respondents/],
    [['--per', 'email'], /^cxm: --per does not apply to followup/],
    [['--per-rule', 'min'], /^cxm: --per-rule does not apply to followup/],
    [['--variance', 'kish'], /^cxm: --variance does not apply to followup/],
    [['--by', 'tag'], /--by: no column "tag"[\s\S]*give --tags RULES\.json/],
    [['--where', 'tier = SMB'], /--where: no column "tier"/],
    [['--on', 'email'], /^cxm: --on needs --join FILE/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const r = await runCli(['followup', RESPONSES, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a config file\'s weight is for the scores: the list ignores it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-row-gate-'));
    const config = path.join(dir, 'cxm.json');
    writeFileSync(config, JSON.stringify({ weight: 'nps' }));
    const out = await json<FollowupJson>(['followup', RESPONSES, '--config', config, '--limit', '3']);
    expect(ids(out.rows)).toEqual(ids(newestFirst(responses.filter(isDetractor)).slice(0, 3)));
  });
});

