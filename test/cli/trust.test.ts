/**
 * Issue 13: never a silent wrong number. Each block is one point of the issue, on files written by
 * scripts/make-export-fixtures.mjs (fixtures/trust/) and scripts/make-fixtures.mjs (fixtures/responses.csv):
 * what cxm used to print with confidence, and what it must do instead (refuse, or say so in the output).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const T = 'fixtures/trust';
const expected = JSON.parse(readFileSync(`${T}/expected.json`, 'utf8'));

const json = async (args: string[]) => {
  const r = await runCli([...args, '--format', 'json']);
  return { ...r, result: r.stdout ? JSON.parse(r.stdout) : null };
};

describe('1. a yes/no column is never an NPS', () => {
  it('score on a review export does not read `recommended` (0/1) as NPS: it scores the recommend % (share answering yes)', async () => {
    const r = await runCli(['score', `${T}/reviews.csv`]);
    expect(r.stdout).not.toMatch(/NPS \(column "recommended"\)/);
    expect(r.stdout + r.stderr).not.toContain('-100.0');
    for (const file of ['reviews.csv', 'reviews-yes-no.csv']) {
      const { result, code } = await json(['score', `${T}/${file}`]);
      expect(code).toBe(0);
      expect(result.settings.columns).toEqual({ recommend: 'recommended' });
      expect(result.rows.map((row: { metric: string }) => row.metric)).toEqual(['recommend']);
      expect(result.rows[0].n).toBe(expected.reviews.n);
      expect(result.rows[0].value).toBeCloseTo((100 * expected.reviews.yes) / expected.reviews.n, 10);
    }
    // asked for NPS, the yes/no column is refused rather than scored
    const nps = await runCli(['score', `${T}/reviews.csv`, '--metric', 'nps']);
    expect(nps.code).toBe(2);
    expect(nps.stderr).toContain('column "recommended" holds yes/no answers: it is a recommend %, not an NPS');
  });

  it('--nps on a 0/1 or Yes/No column is refused, naming what the column is', async () => {
    for (const file of ['reviews.csv', 'reviews-yes-no.csv']) {
      const r = await runCli(['score', `${T}/${file}`, '--nps', 'recommended']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('column "recommended" holds yes/no answers');
    }
  });

  it('inspect calls `recommended` a yes/no recommend column and `overall_rating` a rating', async () => {
    for (const file of ['reviews.csv', 'reviews-yes-no.csv']) {
      const { result } = await json(['inspect', `${T}/${file}`]);
      const column = (name: string) => result.files[0].columns.find((c: { name: string }) => c.name === name);
      const role = (name: string) => column(name).role;
      expect(column('recommended')).toMatchObject({ role: 'score', metric: 'recommend' });
      expect(role('overall_rating')).toBe('rating');
      expect(role('seat_legroom_rating')).toBe('rating');
    }
    const text = await runCli(['inspect', `${T}/reviews.csv`]);
    expect(text.stdout).toMatch(/recommended\s+│\s+│ recommend \(yes\/no\)/);
  });
});

describe('2. mixed or wrong scales', () => {
  it('97% of answers on 1-5 under --nps: warned in the table, in JSON and in inspect', async () => {
    const table = await runCli(['score', `${T}/lounge.csv`, '--nps', 'overall_rating', '--quiet']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Warning: column "overall_rating": 97 of 100 answers (97%) lie in 1-5, 3 above, on a declared NPS scale of 0-10');
    const { result } = await json(['score', `${T}/lounge.csv`, '--nps', 'overall_rating']);
    expect(result.warnings.find((w: { code: string }) => w.code === 'scale-range').message).toContain('97 of 100 answers (97%) lie in 1-5');
    const md = await runCli(['score', `${T}/lounge.csv`, '--nps', 'overall_rating', '--format', 'markdown', '--quiet']);
    expect(md.stdout).toContain('97 of 100 answers (97%) lie in 1-5');
    const inspected = await json(['inspect', `${T}/lounge.csv`, '--nps', 'overall_rating']);
    expect(inspected.result.files[0].issues.map((w: { code: string }) => w.code)).toContain('scale-range');
  });

  it('more than half of the answers outside the scale is refused with the range seen', async () => {
    const r = await runCli(['score', `${T}/slider.csv`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/column "Likelihood to recommend": 35 of 40 answers are outside the NPS scale 0-10 \(the first rows hold 0-\d+\)/);
    expect(r.stdout).toBe('');
  });

  it('a few out-of-range answers stay invalid, excluded and counted', async () => {
    const { result, code } = await json(['score', `${T}/lounge.csv`, '--csat', 'overall_rating']);
    expect(code).toBe(0);
    expect(result.input.invalid).toBe(3);
    expect(result.rows[0].n).toBe(97);
  });
});

describe('3. the survey type a file states', () => {
  it('a Delighted CSV whose Survey type says csat is scored as CSAT, not as NPS', async () => {
    const { result, code } = await json(['score', `${T}/delighted-csat.csv`]);
    expect(code).toBe(0);
    expect(result.rows.map((r: { metric: string }) => r.metric)).toEqual(['csat']);
    expect(result.rows[0].counts).toEqual(expected['delighted-csat.csv'].csat);
  });

  it('rows of two survey types in one file (CSV and API JSON) are each scored under their own metric', async () => {
    for (const file of ['delighted-mixed.csv', 'delighted-mixed.json']) {
      const { result } = await json(['score', `${T}/${file}`]);
      const by = Object.fromEntries(result.rows.map((r: { metric: string; counts: unknown }) => [r.metric, r.counts]));
      expect(by).toEqual(expected['delighted-mixed']);
    }
  });

  it('a Qualtrics export names its NPS question by the _NPS_GROUP column beside it', async () => {
    const { result } = await json(['inspect', 'fixtures/exports/qualtrics.csv']);
    expect(result.files[0].columns.find((c: { name: string }) => c.name === 'Q1').via).toMatch(/^layout: Qualtrics NPS question/);
  });
});

describe('4. the same answers counted twice', () => {
  const weeks = [`${T}/week-1.csv`, `${T}/week-2.csv`];
  const w = expected.weeks;

  it('the same file given twice is refused', async () => {
    const r = await runCli(['score', `${T}/week-1.csv`, `${T}/week-1.csv`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('week-1.csv is given twice');
    expect((await runCli(['score', `${T}/week-1.csv`, `./${T}/week-1.csv`])).code).toBe(2);
  });

  it('overlapping exports: each response id counts once, the last kept, the dropped counted and reported', async () => {
    const { result } = await json(['score', ...weeks, '--metric', 'nps']);
    const answered = await json(['score', ...weeks, '--metric', 'nps', '--duplicates', 'keep']);
    expect(answered.result.rows[0].n - result.rows[0].n).toBe(w.overlapNps);
    expect(result.input.excluded).toBe(w.overlap);
    expect(result.warnings.find((x: { code: string }) => x.code === 'duplicate-responses').message).toContain(`${w.overlap} duplicate responses left out`);
    const table = await runCli(['score', ...weeks, '--metric', 'nps', '--quiet']);
    expect(table.stdout).toContain(`Warning: ${w.overlap} duplicate responses left out`);
  });

  it('--duplicates last keeps the later export of an edited answer, first the earlier; error stops', async () => {
    const one = ['--where', `ResponseId = ${w.editedId}`, '--metric', 'nps'];
    const last = await json(['score', ...weeks, ...one, '--min-n', '1']);
    expect(last.result.rows[0].n).toBe(1);
    expect(last.result.rows[0].value).toBe(w.lastScore >= 9 ? 100 : w.lastScore >= 7 ? 0 : -100);
    const first = await json(['score', ...weeks, ...one, '--duplicates', 'first']);
    expect(first.result.rows[0].value).toBe(w.firstScore >= 9 ? 100 : w.firstScore >= 7 ? 0 : -100);
    const error = await runCli(['score', ...weeks, '--duplicates', 'error']);
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(/week-2\.csv:2: response id "R_0021" \(column "ResponseId"\) is also at fixtures\/trust\/week-1\.csv line 25/);
  });

  it('--duplicates with one file checks within it; one file without the flag is read as it is', async () => {
    const plain = await json(['score', `${T}/week-twice.csv`, '--metric', 'nps']);
    expect(plain.result.input.excluded).toBe(0);
    const checked = await json(['score', `${T}/week-twice.csv`, '--metric', 'nps', '--duplicates', 'last']);
    expect(checked.result.input.excluded).toBe(1);
    expect(checked.result.rows[0].n).toBe(plain.result.rows[0].n - 1);
  });

  it('inspect counts the ids seen more than once and the persons who answered more than once', async () => {
    const { result } = await json(['inspect', `${T}/week-twice.csv`]);
    expect(result.files[0].repeats.ids).toEqual({ column: 'ResponseId', values: 1, extraRows: 1 });
    const emails = await json(['inspect', 'fixtures/exports/generic.csv', 'fixtures/exports/google-forms.csv']);
    expect(emails.result.files[1].repeats.persons).toEqual({ column: 'Email Address', values: 0, extraRows: 0 });
  });
});

describe('5. a gate that passes on nothing', () => {
  it('a --where that leaves 0 rows is exit 2, naming the filter and the values there are', async () => {
    const r = await runCli(['check', 'fixtures/responses.csv', '--min', 'nps=90', '--where', 'region = Emea']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('0 of 480 rows match region = Emea; region has: APAC, EMEA, LATAM, North America');
    expect(r.stderr).toContain('no value is "Emea" exactly, "EMEA" is');
    expect(r.stdout).not.toContain('OK');
  });

  it('--since after the last answer leaves 0 rows: exit 2', async () => {
    const r = await runCli(['score', 'fixtures/responses.csv', '--since', '2030-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('0 of 480 rows match --since 2030-01-01');
  });

  it('a value that matches only in another case gets the hint even when other rows pass; comparisons stay exact', async () => {
    const { result, code } = await json(['score', 'fixtures/responses.csv', '--where', 'region = Emea or plan = Pro', '--metric', 'nps']);
    expect(code).toBe(0);
    expect(result.warnings.map((w: { message: string }) => w.message).join('\n')).toContain('no value is "Emea" exactly, "EMEA" is');
    const exact = await json(['score', 'fixtures/responses.csv', '--where', 'plan = Pro', '--metric', 'nps']);
    expect(result.rows[0].n).toBe(exact.result.rows[0].n);
  });

  it('stale data: check --every with --as-of after the last answer fails (exit 1) unless --on-stale', async () => {
    const args = ['check', 'fixtures/responses.csv', '--every', 'week', '--as-of', '2027-01-10', '--min', 'nps=0', '--on-low-base', 'pass'];
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAILED: no answers since 2026-07-05');
    const github = await runCli([...args, '--format', 'github']);
    expect(github.stdout).toContain('::error title=cxm check%3A stale data::no answers since 2026-07-05');
    const junit = await runCli([...args, '--format', 'junit']);
    expect(junit.stdout).toMatch(/<testcase name="stale data"[^>]*>\s*<failure message="no answers since 2026-07-05/);
    const { result } = await json([...args, '--on-stale', 'warn']);
    expect(result.summary.ok).toBe(true);
    expect(result.summary.outcomes).toEqual([expect.objectContaining({ code: 'stale', status: 'warn' })]);
    expect((await runCli([...args, '--on-stale', 'pass'])).code).toBe(0);
  });

  it('stale data: report after the last answer writes a banner at the top and exits 1 unless --on-stale', async () => {
    const r = await runCli(['report', 'fixtures/responses.csv', '--as-of', '2027-01-01']);
    expect(r.code).toBe(1);
    const top = r.stdout.split('## Headlines')[0];
    expect(top).toContain('**Warning: stale data.** no answers since 2026-07-05');
    const warn = await runCli(['report', 'fixtures/responses.csv', '--as-of', '2027-01-01', '--on-stale', 'warn', '--format', 'html']);
    expect(warn.code).toBe(0);
    expect(warn.stdout).toContain('<strong>Warning: stale data.</strong>');
    const fresh = await runCli(['report', 'fixtures/responses.csv', '--as-of', '2026-06-30']);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).not.toContain('stale');
  });

  it('--strict outcomes show in every format: never "OK" before a non-zero exit', async () => {
    const args = ['check', 'fixtures/reader/invalid.csv', '--min', 'nps=-100', '--strict'];
    const table = await runCli(args);
    expect(table.code).toBe(2);
    expect(table.stdout).toMatch(/FAILED: \d+ invalid rows? \(--strict\)/);
    expect(table.stdout).not.toContain('OK:');
    const github = await runCli([...args, '--format', 'github']);
    expect(github.stdout).toContain('::error title=cxm check%3A --strict::');
    const junit = await runCli([...args, '--format', 'junit']);
    expect(junit.stdout).toMatch(/<testcase name="--strict"[^>]*>\s*<failure/);
    const low = await runCli(['check', 'fixtures/reader/invalid.csv', '--min', 'nps=-100', '--on-low-base', 'fail', '--format', 'github']);
    expect(low.code).toBe(1);
    expect(low.stdout).toContain('::error');
    expect(low.stdout).not.toContain('OK:');
  });
});

describe('6. thresholds that cannot mean what they say', () => {
  it('a percent minimum at or below 1 is refused with the percent it probably means', async () => {
    const r = await runCli(['check', 'fixtures/responses.csv', '--min', 'csat=0.8']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean 80 (percent)?');
  });

  it('NPS outside -100..100 and a mean outside its scale are refused', async () => {
    expect((await runCli(['check', 'fixtures/responses.csv', '--min', 'nps=150'])).code).toBe(2);
    const mean = await runCli(['check', 'fixtures/responses.csv', '--min', 'csat-mean=8']);
    expect(mean.code).toBe(2);
    expect(mean.stderr).toContain('the CSAT scale runs from 1 to 5');
    // on a declared 0-10 scale the same minimum is a number the mean can reach
    expect((await runCli(['check', 'fixtures/responses.csv', '--min', 'csat-mean=8', '--scale', 'csat=0-10', '--band', 'csat=8-10'])).stderr).not.toContain('scale runs');
  });

  it('a percent drop of 1 point stays allowed', async () => {
    const r = await runCli(['check', 'fixtures/compare/2026-q2.csv', '--baseline', 'fixtures/compare/2026-q1.csv', '--max-drop', 'csat=1']);
    expect(r.stderr).not.toContain('did you mean');
  });
});

describe('8. one comment detection for every command', () => {
  it('report, followup and --tags find the review text that inspect calls the comment', async () => {
    const { result } = await json(['inspect', `${T}/reviews.csv`]);
    const comments = result.files[0].columns.filter((c: { role: string }) => c.role === 'comment').map((c: { name: string }) => c.name);
    expect(comments).toEqual(['content']);
    const follow = await json(['followup', `${T}/reviews.csv`, '--csat', 'seat_legroom_rating']);
    expect(follow.result.settings.columns.comment).toBe('content');
    const tags = await runCli(['score', `${T}/reviews.csv`, '--csat', 'seat_legroom_rating', '--tags', 'fixtures/tags.json', '--by', 'tag']);
    expect(tags.code).toBe(0);
    const report = await runCli(['report', `${T}/reviews.csv`, '--csat', 'seat_legroom_rating', '--every', 'month', '--as-of', '2025-03-06', '--format', 'markdown']);
    expect(report.stdout + report.stderr).not.toContain('No comment column found');
  });
});

describe('9. an interval never excludes its own point', () => {
  it('n = 1 promoter: 100 lies inside the shown interval (adjusted Wald alone gives -48.5 – 98.5)', async () => {
    const { result } = await json(['score', 'fixtures/exports/generic.csv', '--where', 'response_id = R001', '--metric', 'nps']);
    const [row] = result.rows;
    expect(row.n).toBe(1);
    expect(row.value).toBe(100);
    expect(row.upper).toBe(100);
    expect(row.lower).toBeLessThan(0);
  });

  it('n = 1 detractor: -100 lies inside', async () => {
    const { result } = await json(['score', 'fixtures/exports/generic.csv', '--where', 'response_id = R031', '--metric', 'nps']);
    const [row] = result.rows;
    expect(row.value).toBe(-100);
    expect(row.lower).toBe(-100);
  });
});

describe('12. headers in other languages, and a scale written in the header', () => {
  const L = expected.languages;
  const nps = (100 * (L.nps.filter((v: number) => v >= 9).length - L.nps.filter((v: number) => v <= 6).length)) / L.nps.length;
  const csat = (100 * L.csat.filter((v: number) => v >= 4).length) / L.csat.length;
  const ces = (100 * L.ces.filter((v: number) => v >= 5).length) / L.ces.length;

  it.each(['german-headers.csv', 'french-headers.csv', 'headers-es.csv', 'headers-pt.csv', 'headers-it.csv', 'headers-nl.csv'])('%s: NPS, CSAT and CES found by their header', async (file) => {
    const { result, code } = await json(['score', `${T}/${file}`]);
    expect(code).toBe(0);
    const value = Object.fromEntries(result.rows.map((r: { metric: string; value: number }) => [r.metric, r.value]));
    expect(value.nps).toBeCloseTo(nps, 10);
    expect(value.csat).toBeCloseTo(csat, 10);
    expect(value.ces).toBeCloseTo(ces, 10);
  });

  it('a scale in the header is the column\'s scale', async () => {
    const { result } = await json(['score', `${T}/scale-in-header.csv`]);
    const e = expected['scale-in-header.csv'];
    expect(result.rows[0].value).toBeCloseTo((100 * e.agree) / e.n, 10);
    const inspected = await json(['inspect', `${T}/scale-in-header.csv`]);
    expect(inspected.result.files[0].columns[1].scale).toBe('1-5');
  });
});

describe('11. Microsoft Forms agreement labels (5 labels)', () => {
  it('a 5-label agreement scale is scored on 1-5 (mean and % agree as the labels say)', async () => {
    const e = expected['microsoft-forms-agree5.csv'];
    const { result } = await json(['score', `${T}/microsoft-forms-agree5.csv`, '--metric', 'ces-mean', '--metric', 'ces']);
    const [mean, agree] = result.rows;
    expect(mean.n).toBe(e.n);
    expect(mean.value).toBeCloseTo(e.mean, 10);
    expect(agree.value).toBeCloseTo((100 * e.agree) / e.n, 10);
  });

  it('the 7-label export stays on 1-7', async () => {
    const { result } = await json(['inspect', 'fixtures/exports/microsoft-forms.csv']);
    expect(result.files[0].columns.find((c: { metric?: string }) => c.metric === 'ces').scale).toBe('1-7');
  });
});

describe('10. partial responses', () => {
  it('Typeform partial responses are left out by default and kept with --include-partials; inspect counts them', async () => {
    const plain = await json(['score', 'fixtures/exports/typeform.csv', '--metric', 'nps']);
    const kept = await json(['score', 'fixtures/exports/typeform.csv', '--metric', 'nps', '--include-partials']);
    const partials = JSON.parse(readFileSync('fixtures/exports/expected.json', 'utf8')).files['typeform.csv'].excluded;
    expect(plain.result.input.excluded).toBe(partials);
    expect(kept.result.input.excluded).toBe(0);
    expect(kept.result.rows[0].n).toBe(plain.result.rows[0].n + partials);
    expect(plain.result.warnings.find((w: { code: string }) => w.code === 'excluded-rows').message).toContain('--include-partials keeps partial responses');
    const inspected = await json(['inspect', 'fixtures/exports/typeform.json']);
    expect(inspected.result.files[0].excludedBy.partial).toBe(partials);
    expect((await json(['inspect', 'fixtures/exports/typeform.json', '--include-partials'])).result.files[0].excludedBy.partial).toBeUndefined();
  });
});

describe('7. outputs', () => {
  const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'cxm-trust-'));

  it('-o - writes to standard output, not to a file named -', async () => {
    const r = await runCli(['score', 'fixtures/responses.csv', '--metric', 'nps', '-o', '-', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^metric,/);
    expect(existsSync('-')).toBe(false);
  });

  it('a missing output directory is created; --no-mkdir refuses it', async () => {
    const dir = tmp();
    const out = path.join(dir, 'reports', 'weekly', 'nps.md');
    expect((await runCli(['score', 'fixtures/responses.csv', '--metric', 'nps', '-o', out, '--format', 'markdown'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('NPS');
    const refused = await runCli(['score', 'fixtures/responses.csv', '--metric', 'nps', '-o', path.join(dir, 'missing', 'x.md'), '--format', 'markdown', '--no-mkdir']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`directory ${path.join(dir, 'missing')}/ does not exist`);
  });

  it('an extension of another format is refused; JSON formats may use .json', async () => {
    const dir = tmp();
    const r = await runCli(['report', 'fixtures/responses.csv', '-o', path.join(dir, 'weekly.html'), '--format', 'markdown']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a .html file, but --format markdown');
    expect(existsSync(path.join(dir, 'weekly.html'))).toBe(false);
    expect((await runCli(['check', 'fixtures/responses.csv', '--min', 'nps=0', '-o', path.join(dir, 'c.csv'), '--format', 'junit'])).code).toBe(2);
    expect((await runCli(['check', 'fixtures/responses.csv', '--min', 'nps=0', '-o', path.join(dir, 'c.xml'), '--format', 'junit'])).code).toBe(0);
    expect((await runCli(['score', 'fixtures/responses.csv', '-o', path.join(dir, 's.json'), '--format', 'json'])).code).toBe(0);
    expect((await runCli(['score', 'fixtures/responses.csv', '-o', path.join(dir, 's.txt')])).code).toBe(0);
  });

  it("the README's cron recipe works as written in a fresh directory (the date fixed to the data's)", async () => {
    const readme = readFileSync('README.md', 'utf8');
    const line = /^0 6 1 \* \* {2}cd \/srv\/cx && cxm (report .*) --quiet 2>>cxm\.log$/m.exec(readme);
    expect(line).not.toBeNull();
    const dir = tmp();
    mkdirSync(path.join(dir, 'exports'));
    for (const f of ['2026-q1.csv', '2026-q2.csv']) copyFileSync(`fixtures/compare/${f}`, path.join(dir, 'exports', f));
    const args = line![1]
      .replace('$(date -d yesterday +\\%F)', '2026-06-30')
      .replace('exports/*.csv', [path.join(dir, 'exports', '2026-q1.csv'), path.join(dir, 'exports', '2026-q2.csv')].join(' '))
      .replace("'reports/cx-{period}.html'", path.join(dir, 'reports', 'cx-{period}.html'))
      .split(' ');
    const r = await runCli([...args, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'reports'))).toEqual(['cx-2026-06.html']);
  });
});
