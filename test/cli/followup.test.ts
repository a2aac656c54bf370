// cxm followup: the filters (group, score, since/until inclusive, with-comment), newest first, the
// bounded list, detected and named columns, and spreadsheet-safe CSV.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoundedHeap } from '../../src/analysis/bounded-heap.js';
import { detectCommentColumn, detectContactColumns, detectIdColumn } from '../../src/io/person-columns.js';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-followup-'));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

// times out of order in the file; a detractor on each edge of the --since/--until days
const survey = write(
  'survey.csv',
  [
    'Response ID,Submitted At,Region,E-mail,First Name,Phone,NPS,Comment',
    'r1,2026-03-01T09:00:00Z,EMEA,a@example.com,Ann,+44 20 7946 0001,3,too slow',
    'r2,2026-03-03T23:59:59Z,APAC,b@example.com,Bo,,9,love it',
    'r3,2026-03-02T12:00:00Z,EMEA,c@example.com,Cy,,6,',
    'r4,2026-03-03T08:00:00Z,LATAM,d@example.com,Di,,7,meh',
    'r5,2026-03-04T00:00:00Z,EMEA,e@example.com,Ed,,0,"broke ""everything"""',
    'r6,2026-02-28T23:59:59Z,APAC,f@example.com,Fi,,2,before the range',
    'r7,2026-03-03T10:00:00Z,EMEA,g@example.com,Gus,,10,',
    'r8,not a date,EMEA,h@example.com,Hal,,1,no date',
    'r9,2026-03-02T12:00:00Z,APAC,i@example.com,Ida,,eleven,bad score',
    'r10,2026-03-02T18:00:00Z,APAC,j@example.com,Jo,,,no answer',
    '',
  ].join('\n'),
);

interface Row {
  id: string;
  date: string | null;
  score: number;
  category: string;
  group: Record<string, string>;
  contact: Record<string, string>;
  comment: string | null;
  line: number;
}

async function list(args: string[]): Promise<{ code: number; rows: Row[]; out: Record<string, unknown>; stderr: string }> {
  const r = await runCli(['followup', survey, ...args, '--format', 'json']);
  const out = JSON.parse(r.stdout) as { rows: Row[] } & Record<string, unknown>;
  return { code: r.code, rows: out.rows, out, stderr: r.stderr };
}

const ids = (rows: Row[]) => rows.map((r) => r.id);

describe('filters', () => {
  it('lists detractors by default, newest first (rows without a usable date last)', async () => {
    const { rows, code } = await list([]);
    expect(code).toBe(0);
    expect(ids(rows)).toEqual(['r5', 'r3', 'r1', 'r6', 'r8']);
    expect(rows.every((r) => r.category === 'detractor')).toBe(true);
    expect(rows[4].date).toBeNull();
  });

  it('--group passives,promoters and all', async () => {
    expect(ids((await list(['--group', 'passives'])).rows)).toEqual(['r4']);
    expect(ids((await list(['--group', 'promoters,passives'])).rows)).toEqual(['r2', 'r7', 'r4']);
    expect((await list(['--group', 'all'])).rows).toHaveLength(8);
  });

  it('--since and --until include both days, in --tz calendar days', async () => {
    const { rows, out } = await list(['--since', '2026-03-01', '--until', '2026-03-03', '--group', 'all']);
    expect(ids(rows)).toEqual(['r2', 'r7', 'r4', 'r3', 'r1']);
    expect(out.input).toMatchObject({ rows: 10, used: 5, skipped: 1, invalid: 1, excluded: 3 });
    // in New York, 2026-03-04T00:00Z is still 3 March; 2026-02-28T23:59:59Z is 28 February either way
    const ny = await list(['--since', '2026-03-01', '--until', '2026-03-03', '--tz', 'America/New_York']);
    expect(ids(ny.rows)).toEqual(['r5', 'r3', 'r1']);
    // a period label for a whole week
    expect(ids((await list(['--since', '2026-W10', '--until', '2026-W10'])).rows)).toEqual(['r5', 'r3']);
  });

  it('--with-comment leaves out blank comments; --score lists a range instead of a group', async () => {
    expect(ids((await list(['--with-comment'])).rows)).toEqual(['r5', 'r1', 'r6', 'r8']);
    expect(ids((await list(['--score', '0-2'])).rows)).toEqual(['r5', 'r6', 'r8']);
    expect(ids((await list(['--score', '10'])).rows)).toEqual(['r7']);
  });

  it('counts every row once and reports the bad ones', async () => {
    const { out, stderr } = await list([]);
    expect(out.input).toMatchObject({ rows: 10, used: 8, skipped: 1, invalid: 1, excluded: 0 });
    expect(out.matched).toBe(5);
    expect(stderr).toContain(':9: column "Submitted At": "not a date" is not a date cxm can read');
    expect(stderr).toContain(':10: column "NPS": "eleven" is not a score on 0-10');
  });

  it('--limit keeps the newest N and says how many more matched', async () => {
    const { rows, out, stderr } = await list(['--limit', '2']);
    expect(ids(rows)).toEqual(['r5', 'r3']);
    expect(out).toMatchObject({ matched: 5, listed: 2 });
    expect(stderr).toContain('3 more matching rows not listed (--limit 2)');
  });
});

describe('columns', () => {
  it('detects id, contacts, comment; --by adds segments', async () => {
    const { rows, out } = await list(['--by', 'region', '--limit', '1']);
    expect(out.settings).toMatchObject({ columns: { id: 'Response ID', comment: 'Comment', contacts: ['E-mail', 'First Name', 'Phone'], date: 'Submitted At', by: ['Region'] } });
    expect(rows[0]).toMatchObject({ id: 'r5', date: '2026-03-04', score: 0, group: { Region: 'EMEA' }, contact: { 'E-mail': 'e@example.com', 'First Name': 'Ed', Phone: '' }, comment: 'broke "everything"' });
  });

  it('--contact names them, --no-contact drops them, --id and --comment override', async () => {
    expect((await list(['--contact', 'first name'])).out.settings).toMatchObject({ columns: { contacts: ['First Name'] } });
    expect((await list(['--no-contact'])).out.settings).toMatchObject({ columns: { contacts: [] } });
    const named = await list(['--id', 'Region', '--comment', 'First Name', '--limit', '1']);
    expect(named.rows[0]).toMatchObject({ id: 'EMEA', comment: 'Ed' });
  });

  it('CSV is safe to open in a spreadsheet', async () => {
    const file = write('formulas.csv', 'id,date,nps,name,comment\n=1+1,2026-01-02,3,"=HYPERLINK(""http://x"")",@SUM(A1)\n2,2026-01-01,4,-2+3,\t tab\n');
    const r = await runCli(['followup', file, '--format', 'csv', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      ['id,date,timestamp,score,category,name,comment', `'=1+1,2026-01-02,2026-01-02,3,detractor,"'=HYPERLINK(""http://x"")",'@SUM(A1)`, "2,2026-01-01,2026-01-01,4,detractor,'-2+3,tab", ''].join('\n'),
    );
  });

  it('a table and Markdown for people; no date column lists the latest rows first', async () => {
    const file = write('undated.csv', 'id,nps,comment\na,1,alpha\nb,2,bravo\nc,9,charlie\n');
    const table = await runCli(['followup', file, '--no-color']);
    expect(table.stdout.indexOf('bravo')).toBeLessThan(table.stdout.indexOf('alpha'));
    expect(table.stdout).not.toContain('charlie');
    expect(table.stderr).toContain('no date column: rows are listed latest in the file first');
    const md = await runCli(['followup', file, '--format', 'markdown', '--quiet']);
    expect(md.stdout).toContain('| id | score | category | comment |');
  });

  it('CSAT: answers outside the satisfied band by default', async () => {
    const r = await runCli(['followup', 'fixtures/responses.csv', '--metric', 'csat', '--format', 'json', '--limit', '3', '--quiet']);
    const out = JSON.parse(r.stdout);
    expect(out.settings.categories).toEqual(['not satisfied']);
    expect(out.rows.map((x: Row) => x.score).every((s: number) => s <= 3)).toBe(true);
  });

  it.each([
    [['--group', 'fans'], /^cxm: --group takes detractors, passives, promoters or all/],
    [['--group', 'detractors', '--score', '0-6'], /^cxm: --score and --group both/],
    [['--score', '5-2'], /^cxm: --score takes a score or a range/],
    [['--score', '0-12'], /^cxm: --score 0-12 is not inside the NPS scale 0-10/],
    [['--since', '2026-03-05', '--until', '2026-03-01'], /^cxm: --since 2026-03-05 is after --until 2026-03-01/],
    [['--limit', '0'], /^cxm: --limit must be 1 or more/],
    [['--id', 'nope'], /--id: no column "nope"/],
    [['--metric', 'csat', '--group', 'detractors'], /names NPS classes/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const r = await runCli(['followup', survey, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('--since needs a date column', async () => {
    const file = write('nodate.csv', 'id,nps\n1,3\n');
    const r = await runCli(['followup', file, '--since', '2026-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no date column found/);
  });
});

describe('parts', () => {
  it('BoundedHeap keeps the N greatest, in order, and counts the rest', () => {
    const heap = new BoundedHeap<number>(3, (a, b) => a - b);
    for (const x of [5, 1, 9, 3, 7, 2, 8]) heap.push(x);
    expect(heap.sorted()).toEqual([9, 8, 7]);
    expect(heap.dropped).toBe(4);
    expect(heap.wouldKeep(6)).toBe(false);
    expect(heap.wouldKeep(10)).toBe(true);
  });

  it('finds id, contact and comment headers', () => {
    expect(detectIdColumn(['Status', 'ResponseId', 'id'])).toBe(1);
    expect(detectIdColumn(['#', 'Token'])).toBe(1);
    expect(detectIdColumn(['score', '#'])).toBe(1);
    expect(detectIdColumn(['score'])).toBeNull();
    expect(detectContactColumns(['Email Address', 'first_name', 'Last Name', 'plan name', 'person.email', 'Phone number'])).toEqual([0, 1, 2, 4, 5]);
    expect(detectCommentColumn(['Q1', 'Q1_NPS_GROUP', 'Q2_TEXT'], 'f')).toBe(2);
    expect(detectCommentColumn(['Why? - Open-Ended Response', 'Q2_TEXT'], 'f')).toBe(0);
    expect(detectCommentColumn(['nps'], 'f')).toBeNull();
    expect(() => detectCommentColumn(['comment', 'feedback'], 'f')).toThrow(/two columns could hold the comment/);
    // a layout's question texts count: Qualtrics Q4 asks for the reason
    expect(detectCommentColumn(['Q1', 'Q4'], 'f', ['How likely are you to recommend us?', 'What is the main reason for your score?'])).toBe(1);
    expect(detectContactColumns(['RecipientEmail', 'Q9'], ['Recipient Email', 'E-mail'])).toEqual([0, 1]);
  });

  it('reads the export layouts: a Qualtrics file with its question texts and recipient columns', async () => {
    const r = await runCli(['followup', 'fixtures/exports/qualtrics.csv', '--with-comment', '--limit', '1', '--format', 'json', '--quiet']);
    const out = JSON.parse(r.stdout);
    expect(out.settings.columns).toMatchObject({ id: 'ResponseId', comment: 'Q4', contacts: ['RecipientLastName', 'RecipientFirstName', 'RecipientEmail'] });
    expect(out.rows[0]).toMatchObject({ score: 6, category: 'detractor', comment: 'Love the new dashboard' });
  });
});
