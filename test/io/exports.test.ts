/**
 * The export fixtures: the same invented respondents written in every layout cxm reads
 * (scripts/make-export-fixtures.mjs, which also writes the counts each file must give). With no
 * column flags, every layout must give the respondents' scores and leave out exactly the rows its
 * platform adds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

interface Expected {
  respondents: number;
  counts: Record<string, Record<string, number>>;
  days: Record<string, Record<string, number>>;
  files: Record<string, { layout: string; metrics: string[]; rows: number; used: number; skipped: number; excluded: number; unfinished: number }>;
}
const expected = JSON.parse(readFileSync('fixtures/exports/expected.json', 'utf8')) as Expected;
const dir = 'fixtures/exports';

type Row = { metric: string; group: object; counts: Record<string, number>; n: number };
const overall = (rows: Row[], metric: string) => rows.find((r) => r.metric === metric && Object.keys(r.group).length === 0)!;

describe('every export layout gives the same scores', () => {
  it('covers every layout cxm detects', () => {
    const layouts = new Set(Object.values(expected.files).map((f) => f.layout));
    expect([...layouts].sort()).toEqual(
      ['delighted', 'formbricks', 'generic', 'google-forms', 'hotjar', 'intercom', 'microsoft-forms', 'qualtrics', 'qualtrics-legacy', 'surveymonkey', 'typeform', 'zendesk'].sort(),
    );
  });

  describe.each(Object.entries(expected.files))('%s', (file, e) => {
    it('scores the respondents with no column flags and counts what it left out', async () => {
      const r = await runCli(['score', `${dir}/${file}`, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json.rows.map((x: Row) => x.metric)).toEqual(e.metrics);
      for (const metric of e.metrics) expect(overall(json.rows, metric).counts, metric).toEqual(expected.counts[metric]);
      expect(json.input).toMatchObject({ rows: e.rows, used: e.used, skipped: e.skipped, invalid: 0, excluded: e.excluded });
    });

    it('reads its dates: the same answers on the same days as every other layout', async () => {
      const r = await runCli(['trend', `${dir}/${file}`, '--every', 'day', '--min-n', '1', '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      for (const metric of e.metrics) {
        const days = json.rows.filter((x: Row) => x.metric === metric && x.n > 0).map((x: Row & { group: { period: string } }) => [x.group.period, x.n]);
        expect(Object.fromEntries(days), metric).toEqual(expected.days[metric]);
      }
      expect(json.warnings.filter((w: { code: string }) => w.code === 'bad-date')).toEqual([]);
    });

    it(`is recognised as ${e.layout}`, async () => {
      const r = await runCli(['inspect', `${dir}/${file}`, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const [f] = JSON.parse(r.stdout).files;
      expect(f.layout).toBe(e.layout);
      expect(f.unfinished).toBe(e.unfinished);
      expect(f.rows).toEqual({ rows: e.rows, used: e.used, skipped: e.skipped, invalid: 0, excluded: e.excluded });
    });
  });
});

describe('platform rules', () => {
  it('keeps Qualtrics previews, tests and spam with --include-previews', async () => {
    const e = expected.files['qualtrics.csv'];
    const r = await runCli(['score', `${dir}/qualtrics.csv`, '--include-previews', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.input).toMatchObject({ rows: e.rows, excluded: 0, used: e.used + e.excluded });
    const counts = overall(json.rows, 'nps').counts;
    expect(counts.promoters + counts.passives + counts.detractors).toBe(Object.values(expected.counts.nps).reduce((a, b) => a + b, 0) + e.excluded);
  });

  it('says what it left out, by reason, on standard error', async () => {
    const q = await runCli(['score', `${dir}/qualtrics.csv`]);
    expect(q.stderr).toContain('read 44 rows: 39 used, 1 skipped (no answer), 0 invalid, 4 excluded');
    expect(q.stderr).toContain('left out 4 rows: 2 survey previews, 1 survey test, 1 spam (--include-previews keeps previews, tests and spam)');
    expect(q.stderr).toContain('2 unfinished responses read: answered scores count, blank ones are skipped');
    expect(q.stderr).toContain('read as a Qualtrics export (row 3 holds {"ImportId":…}): 3 header rows, data from line 4');
    // Qualtrics states the NPS question by the Q1_NPS_GROUP column beside it (issue 13); the question text is shown with it
    expect(q.stderr).toContain('NPS from column "Q1": Qualtrics NPS question ("Q1_NPS_GROUP" beside it): "How likely are you to recommend Acme to a friend or colleague?"');
    const z = await runCli(['score', `${dir}/zendesk.json`]);
    expect(z.stderr).toContain('left out 3 rows: 3 ratings offered but not answered');
    const i = await runCli(['score', `${dir}/intercom.json`]);
    expect(i.stderr).toContain('left out 3 rows: 3 conversations not rated');
    const t = await runCli(['score', `${dir}/typeform.json`]);
    expect(t.stderr).toContain('left out 2 rows: 2 partial responses');
  });

  it('never takes Qualtrics Q1_NPS_GROUP for a score, and finds Q1 by its question text', async () => {
    const r = await runCli(['score', `${dir}/qualtrics.csv`, '--format', 'json']);
    expect(JSON.parse(r.stdout).settings.columns).toEqual({ nps: 'Q1', csat: 'Q2', ces: 'Q3' });
  });

  it('lets --nps name a Qualtrics column by its question text', async () => {
    const r = await runCli(['score', `${dir}/qualtrics.csv`, '--nps', 'How likely are you to recommend Acme to a friend or colleague?', '--metric', 'nps', '--format', 'json']);
    expect(JSON.parse(r.stdout).settings.columns).toEqual({ nps: 'Q1' });
  });

  it('groups by segments the platforms keep in their own places', async () => {
    const byRegion = async (file: string, column: string) => {
      const r = await runCli(['score', `${dir}/${file}`, '--by', column, '--metric', 'nps', '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout).rows.map((x: Row & { group: Record<string, string> }) => [Object.values(x.group)[0] ?? 'All', x.n]);
    };
    const reference = await byRegion('generic.csv', 'region');
    expect(await byRegion('qualtrics.csv', 'Region')).toEqual(reference);
    expect(await byRegion('surveymonkey.csv', 'Custom Data 1')).toEqual(reference);
    expect(await byRegion('typeform.json', 'hidden.region')).toEqual(reference);
    expect(await byRegion('delighted.json', 'person_properties.Region')).toEqual(reference);
    expect(await byRegion('excel-european.csv', 'Region')).toEqual(reference);
  });

  it('reads a Formbricks formula guard as the value it guards', async () => {
    const r = await runCli(['score', `${dir}/formbricks.csv`, '--by', 'ab_group', '--metric', 'nps', '--format', 'json']);
    const groups = JSON.parse(r.stdout).rows.map((x: { group: { ab_group?: string } }) => x.group.ab_group).filter(Boolean);
    expect(groups).toEqual(['-1', '1']);
  });

  it('takes --layout over detection, and refuses a layout made for the other format', async () => {
    const generic = await runCli(['score', `${dir}/qualtrics.csv`, '--layout', 'generic', '--format', 'json']);
    expect(generic.code).toBe(2);
    expect(generic.stderr).toMatch(/two columns could hold NPS|no score column/);
    const wrong = await runCli(['score', `${dir}/generic.json`, '--layout', 'qualtrics']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('cxm: fixtures/exports/generic.json: --layout: layout qualtrics is for CSV files, not JSON');
    const unknown = await runCli(['score', `${dir}/generic.csv`, '--layout', 'medallia']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--layout must be one of generic, qualtrics/);
  });
});
