// cxm report: contents (headlines, trend, segments, movers, comments, footer), byte-identical output,
// HTML that is self-contained and escapes every data text, Markdown escaping, the config-file run a
// cron line uses, stdin, and errors. (Its numbers are checked against Python in
// test/analysis/check-report-stats.test.ts.)
import crypto from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { allElements, parseXml, textContent } from '../xml.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-report-'));
const EVIL = '<script>alert("x")</script> & "quotes" \'apos\' ]]> |pipe| *star* [link](http://evil.example)';

/** Two weeks (2026-W10, 2026-W11) and two days of 2026-W12: North drops sharply, South holds. */
function surveyCsv(): string {
  const lines = ['response_id,submitted_at,region,nps,comment'];
  let id = 0;
  const add = (day: string, region: string, counts: [number, number, number], comment = (i: number) => (i % 4 === 0 ? `comment ${id}` : '')) => {
    const [promoters, passives, detractors] = counts;
    const scores = [...Array(promoters).fill(10), ...Array(passives).fill(8), ...Array(detractors).fill(2)];
    scores.forEach((score, i) => {
      id++;
      const text = score <= 6 ? comment(i) : '';
      const time = `${day}T${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`;
      lines.push([`R${id}`, time, `"${region.replace(/"/g, '""')}"`, String(score), `"${text.replace(/"/g, '""')}"`].join(','));
    });
  };
  add('2026-03-03', 'North', [60, 30, 10]);
  add('2026-03-04', 'South', [50, 30, 20]);
  add('2026-03-05', EVIL, [20, 10, 10]);
  add('2026-03-10', 'North', [20, 30, 50]);
  add('2026-03-11', 'South', [52, 28, 20]);
  add('2026-03-12', EVIL, [20, 10, 10], (i) => (i === 30 ? EVIL : i === 31 ? 'line one\nline two\u0007' : ''));
  add('2026-03-17', 'North', [5, 5, 5]);
  return `${lines.join('\n')}\n`;
}
const survey = path.join(dir, 'survey.csv');
writeFileSync(survey, surveyCsv());

interface ReportJson {
  settings: Record<string, unknown> & { current: { period: string }; previous: { period: string } };
  input: { rows: number; excluded: number; hashes: { file: string; sha256: string; bytes: number }[] };
  headlines: { metric: string; diff: number; significant: boolean; current: { n: number } }[];
  trend: { group: { period: string }; n: number }[];
  segments: { column: string; rows: { group: Record<string, string>; significant: boolean; diff: number }[] }[];
  movers: { column: string; segment: string }[];
  comments: { matched: number; rows: { id: string; comment: string; date: string }[] } | null;
}

async function reportJson(args: string[]): Promise<ReportJson> {
  const r = await runCli(['report', survey, '--every', 'week', '--by', 'region', '--min-n', '10', ...args, '--format', 'json', '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ReportJson;
}

describe('contents', () => {
  it('the last complete week against the one before, by default as of the latest date', async () => {
    const out = await reportJson([]);
    expect(out.settings).toMatchObject({ asOf: '2026-03-17', asOfFrom: 'data', current: { period: '2026-W11', start: '2026-03-09', end: '2026-03-15' }, previous: { period: '2026-W10' } });
    expect(out.headlines).toHaveLength(1);
    expect(out.headlines[0].current.n).toBe(240);
    // the trend starts at the first week with data and ends at the report's week
    expect(out.trend.map((t) => t.group.period)).toEqual(['2026-W10', '2026-W11']);
  });

  it('--as-of moves the report and leaves later rows out', async () => {
    const out = await reportJson(['--as-of', '2026-03-22']);
    expect(out.settings.current.period).toBe('2026-W12');
    expect(out.settings.asOfFrom).toBe('flag');
    const early = await reportJson(['--as-of', '2026-03-15']);
    expect(early.settings.current.period).toBe('2026-W11');
    expect(early.input.excluded).toBe(15);
  });

  it('segments with ▲/▼, the significant movers, newest detractor comments of the week', async () => {
    const out = await reportJson(['--comments', '3']);
    const north = out.segments[0].rows.find((r) => r.group.region === 'North')!;
    expect(north.significant).toBe(true);
    expect(north.diff).toBe(-80);
    expect(out.segments[0].rows.find((r) => r.group.region === 'South')!.significant).toBe(false);
    expect(out.movers).toEqual([expect.objectContaining({ column: 'region', segment: 'North' })]);
    expect(out.comments!.matched).toBe(19);
    expect(out.comments!.rows).toHaveLength(3);
    const dates = out.comments!.rows.map((r) => r.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(out.comments!.rows.every((r) => r.comment !== '')).toBe(true);
  });

  it('the footer has every input with its SHA-256, also standard input', async () => {
    const out = await reportJson([]);
    const sha = crypto.createHash('sha256').update(readFileSync(survey)).digest('hex');
    expect(out.input.hashes).toEqual([{ file: survey, sha256: sha, bytes: readFileSync(survey).length }]);
    const r = await runCli(['report', '-', '--every', 'week', '--format', 'json', '--quiet'], { stdin: readFileSync(survey) });
    const piped = JSON.parse(r.stdout) as ReportJson;
    expect(piped.input.hashes).toEqual([{ file: 'stdin', sha256: sha, bytes: readFileSync(survey).length }]);
    expect(piped.comments!.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(piped)).not.toContain(os.tmpdir());
    expect(readdirSync(os.tmpdir()).filter((f) => f.startsWith(`cxm-stdin-${process.pid}-`))).toEqual([]);
  });
});

describe('byte-identical output', () => {
  it.each(['html', 'markdown', 'json'])('%s: the same input and flags give the same bytes', async (format) => {
    const args = ['report', survey, '--every', 'week', '--by', 'region', '--format', format, '--quiet'];
    const a = await runCli(args);
    const b = await runCli(args);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.length).toBeGreaterThan(1000);
  });

  it('written atomically with -o, {period} in the name, nothing else left behind', async () => {
    const out = path.join(dir, 'atomic');
    mkdirSync(out);
    const r = await runCli(['report', survey, '--every', 'week', '-o', path.join(out, 'nps-{period}.html'), '--quiet']);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['nps-2026-W11.html']);
    const again = await runCli(['report', survey, '--every', 'week', '--format', 'html', '--quiet']);
    expect(readFileSync(path.join(out, 'nps-2026-W11.html'), 'utf8')).toBe(again.stdout);
  });
});

describe('HTML', () => {
  const html = async (extra: string[] = []) => (await runCli(['report', survey, '--every', 'week', '--by', 'region', '--min-n', '10', '--format', 'html', '--quiet', ...extra])).stdout;

  it('is one self-contained file: inline CSS and SVG, no scripts, no fetches', async () => {
    const page = await html();
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const root = parseXml(page.replace(/^<!DOCTYPE html>\n/, ''));
    const names = new Set(allElements(root).map((e) => e.name));
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'h1', 'h2', 'h3', 'p', 'section', 'div', 'figure', 'figcaption', 'details', 'summary', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'blockquote', 'span', 'footer', 'dl', 'dt', 'dd', 'svg', 'desc', 'line', 'text', 'rect', 'polygon', 'polyline', 'circle'];
    expect([...names].filter((n) => !allowed.includes(n))).toEqual([]);
    for (const e of allElements(root)) {
      for (const [name, value] of Object.entries(e.attributes)) {
        expect(name.startsWith('on'), `${e.name} ${name}`).toBe(false);
        expect(['src', 'href', 'xlink:href', 'action'].includes(name), `${e.name} ${name}`).toBe(false);
        if (name !== 'xmlns') expect(value, `${e.name} ${name}`).not.toMatch(/https?:|javascript:/i);
      }
    }
    const css = allElements(root).find((e) => e.name === 'style')!.text;
    expect(css).not.toMatch(/url\(|@import|@font-face/);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/>`);
  });

  it('escapes every text from the data', async () => {
    const page = await html(['--comments', '20']);
    expect(page).not.toContain('<script');
    expect(page).not.toContain('\u0007');
    const root = parseXml(page.replace(/^<!DOCTYPE html>\n/, ''));
    const text = textContent(root);
    // the segment name and the comment arrive as text, exactly (control characters marked)
    expect(text).toContain(EVIL);
    expect(allElements(root).some((e) => e.name === 'blockquote' && e.text === EVIL)).toBe(true);
    // a control character leaves a visible U+FFFD (issue 15)
    expect(allElements(root).some((e) => e.name === 'blockquote' && e.text === 'line one\nline two\ufffd')).toBe(true);
  });

  it('has an accessible chart: a title, a text alternative, a data table', async () => {
    const root = parseXml((await html()).replace(/^<!DOCTYPE html>\n/, ''));
    const svg = allElements(root).find((e) => e.name === 'svg')!;
    expect(svg.attributes.role).toBe('img');
    const [titleId, descId] = svg.attributes['aria-labelledby'].split(' ');
    expect(svg.children.find((c) => c.name === 'title')!.attributes.id).toBe(titleId);
    expect(svg.children.find((c) => c.name === 'desc')!.text).toMatch(/^NPS by week, 2026-W10 to 2026-W11: lowest/);
    expect(svg.children.find((c) => c.name === 'desc')!.attributes.id).toBe(descId);
    expect(svg.children.filter((c) => c.name === 'circle').every((c) => c.children[0]?.name === 'title')).toBe(true);
    expect(allElements(root).some((e) => e.name === 'details')).toBe(true);
  });
});

describe('Markdown', () => {
  it('escapes data so it adds no HTML, links or table cells', async () => {
    const r = await runCli(['report', survey, '--every', 'week', '--by', 'region', '--min-n', '10', '--comments', '20', '--quiet']);
    expect(r.stdout).not.toContain('<script');
    expect(r.stdout).not.toContain('[link](');
    expect(r.stdout).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; "quotes" \'apos\' \\]\\]&gt; \\|pipe\\| \\*star\\* \\[link\\](http://evil.example)');
    const tableRows = r.stdout.split('\n').filter((l) => l.startsWith('| ') && l.includes('alert'));
    for (const row of tableRows) expect(row.split(/(?<!\\)\|/).length).toBe(10);
    expect(r.stdout).toMatch(/^# Weekly report: 2026-W11\n/);
    expect(r.stdout).toContain('## Biggest movers\n\n- NPS, region North: -80.0 (50.0 → -30.0), adjusted p &lt;0.001 ▼\n');
  });
});

describe('config file: a cron line', () => {
  it('runs a report definition with files and output relative to the config', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'cxm-cron-'));
    writeFileSync(path.join(home, 'export.csv'), surveyCsv());
    mkdirSync(path.join(home, 'reports'));
    writeFileSync(
      path.join(home, 'weekly.json'),
      JSON.stringify({ minN: 10, report: { files: ['export.csv'], every: 'week', by: ['region'], format: 'html', output: 'reports/weekly-{period}.html', title: 'Weekly NPS', comments: 2 } }),
    );
    const r = await runCli(['report', '--config', path.join(home, 'weekly.json'), '--as-of', '2026-03-15', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(home, 'reports'))).toEqual(['weekly-2026-W11.html']);
    const page = readFileSync(path.join(home, 'reports', 'weekly-2026-W11.html'), 'utf8');
    expect(page).toContain('<title>Weekly NPS</title>');
    expect(page.match(/<blockquote>/g)).toHaveLength(2);
    // flags win over the definition
    const monthly = await runCli(['report', '--config', path.join(home, 'weekly.json'), '--every', 'month', '--format', 'json', '-o', path.join(home, 'm.json'), '--quiet']);
    expect(monthly.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(home, 'm.json'), 'utf8')).settings).toMatchObject({ every: 'month', title: 'Weekly NPS', minN: 10 });
  });

  it('rejects a definition with an unknown key', async () => {
    const file = path.join(dir, 'typo.json');
    writeFileSync(file, JSON.stringify({ report: { evry: 'week' } }));
    const r = await runCli(['report', '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/typo.json: config "report": unknown key "evry"\n$/);
  });
});

describe('errors', () => {
  it.each([
    [['report'], /^cxm: no input file/],
    [['report', survey, '--as-of', 'next week'], /^cxm: --as-of takes a date like 2026-06-28/],
    [['report', survey, '--every', 'fortnight'], /^cxm: --every must be one of day, week, month, quarter, year/],
    [['report', survey, '--history', '1'], /^cxm: --history must be a whole number from 2 to 520/],
    [['report', survey, '--format', 'pdf'], /^cxm: --format must be one of markdown, html, json/],
    [['report', 'fixtures/reader/labels.csv'], /no date column found/],
  ])('exit 2: %j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('an as-of before every date reports empty periods, with a note', async () => {
    const r = await runCli(['report', survey, '--as-of', '2026-01-04', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.headlines[0].current.n).toBe(0);
    expect(out.warnings.map((w: { code: string }) => w.code)).toContain('empty-period');
  });
});
