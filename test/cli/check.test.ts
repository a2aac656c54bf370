// cxm check from the command line: every exit code, the three rules, low base, the periods and
// baseline forms, the config file, and the JSON, JUnit and GitHub outputs (the statistics themselves
// are checked against Python in test/analysis/check-report-stats.test.ts).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { allElements, parseXml, textContent } from '../xml.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-check-'));

/** NPS answers per segment: promoters (10), passives (8), detractors (3), each dated `date`. */
interface Group {
  segment: string;
  promoters: number;
  passives: number;
  detractors: number;
  date?: string;
}

function npsCsv(name: string, groups: Group[]): string {
  const lines = ['id,date,segment,nps'];
  let id = 1;
  for (const g of groups) {
    for (const [score, count] of [[10, g.promoters], [8, g.passives], [3, g.detractors]] as const) {
      for (let i = 0; i < count; i++) lines.push(`${id++},${g.date ?? '2026-03-02'},"${g.segment.replace(/"/g, '""')}",${score}`);
    }
  }
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

// NPS 10 (interval about −6 to 26), 25 (10 to 40), 45 (31 to 57), 35 (21 to 48); threshold 30
const rules = npsCsv('rules.csv', [
  { segment: 'A', promoters: 40, passives: 30, detractors: 30 },
  { segment: 'B', promoters: 45, passives: 35, detractors: 20 },
  { segment: 'C', promoters: 55, passives: 35, detractors: 10 },
  { segment: 'D', promoters: 50, passives: 35, detractors: 15 },
  { segment: 'E', promoters: 2, passives: 3, detractors: 5 },
]);

interface CheckJson {
  cxm: number;
  command: string;
  settings: Record<string, unknown>;
  checks: { metric: string; group: Record<string, string>; status: string; reason: string; code: string; value: number; lower: number; upper: number; p: number | null; pAdjusted: number | null }[];
  summary: { checks: number; passed: number; failed: number; lowBase: number; ok: boolean };
}

async function checkJson(args: string[]): Promise<{ code: number; out: CheckJson; stderr: string }> {
  const r = await runCli(['check', ...args, '--format', 'json']);
  return { code: r.code, out: JSON.parse(r.stdout) as CheckJson, stderr: r.stderr };
}

const statuses = (out: CheckJson) => Object.fromEntries(out.checks.map((c) => [c.group.segment ?? 'All', c.status]));

describe('rules', () => {
  it('credible fails only a segment whose whole interval is below the minimum', async () => {
    const { code, out } = await checkJson([rules, '--min', 'nps=30', '--by', 'segment', '--adjust', 'none']);
    expect(statuses(out)).toEqual({ All: 'pass', A: 'fail', B: 'pass', C: 'pass', D: 'pass', E: 'low-base' });
    expect(code).toBe(1);
    const a = out.checks.find((c) => c.group.segment === 'A')!;
    expect(a.upper).toBeLessThan(30);
    expect(a.code).toBe('interval-below');
    const b = out.checks.find((c) => c.group.segment === 'B')!;
    expect(b.value).toBeLessThan(30);
    expect(b.code).toBe('inside-interval');
    expect(b.reason).toMatch(/^25\.0 is under 30, but 30 is inside the 95% CI/);
  });

  it('point compares the estimate alone', async () => {
    const { out } = await checkJson([rules, '--min', 'nps=30', '--by', 'segment', '--rule', 'point']);
    // overall NPS is 27.3: under 30, though 30 is inside its interval (a pass under credible)
    expect(statuses(out)).toEqual({ All: 'fail', A: 'fail', B: 'fail', C: 'pass', D: 'pass', E: 'low-base' });
    expect(out.checks.every((c) => c.p === null && c.pAdjusted === null)).toBe(true);
  });

  it('assured passes only a segment whose whole interval clears the minimum', async () => {
    const { code, out } = await checkJson([rules, '--min', 'nps=30', '--by', 'segment', '--rule', 'assured', '--adjust', 'none']);
    expect(statuses(out)).toEqual({ All: 'fail', A: 'fail', B: 'fail', C: 'pass', D: 'fail', E: 'low-base' });
    expect(code).toBe(1);
    const c = out.checks.find((x) => x.group.segment === 'C')!;
    expect(c.lower).toBeGreaterThanOrEqual(30);
    expect(out.checks.find((x) => x.group.segment === 'D')!.code).toBe('lower-below');
  });

  it('adjusts the p-values of all checks of a run together (Holm by default)', async () => {
    // one segment credibly below on its own (p < 0.05) but not among six checks
    const file = npsCsv('holm.csv', [
      { segment: 'A', promoters: 45, passives: 35, detractors: 30 },
      { segment: 'B', promoters: 60, passives: 30, detractors: 10 },
      { segment: 'C', promoters: 60, passives: 30, detractors: 10 },
    ]);
    const alone = await checkJson([file, '--min', 'nps=30', '--by', 'segment', '--adjust', 'none']);
    const a = alone.out.checks.find((c) => c.group.segment === 'A')!;
    expect(a.status).toBe('fail');
    expect(a.p).toBeGreaterThan(0.05 / 4);
    const holm = await checkJson([file, '--min', 'nps=30', '--by', 'segment']);
    const h = holm.out.checks.find((c) => c.group.segment === 'A')!;
    expect(holm.out.settings.adjust).toBe('holm');
    expect(h.status).toBe('pass');
    expect(h.code).toBe('not-after-adjustment');
    expect(h.pAdjusted).toBeGreaterThan(0.05);
    expect(holm.code).toBe(0);
  });
});

describe('low base', () => {
  const only = npsCsv('low.csv', [{ segment: 'E', promoters: 10, passives: 3, detractors: 2 }]);

  it('is neither pass nor fail; --on-low-base decides what it does to the run', async () => {
    const warn = await runCli(['check', only, '--min', 'nps=30', '--quiet']);
    expect(warn.code).toBe(0);
    expect(warn.stdout).toContain('low base');
    expect((await runCli(['check', only, '--min', 'nps=30', '--on-low-base', 'pass', '--quiet'])).code).toBe(0);
    const fail = await runCli(['check', only, '--min', 'nps=30', '--on-low-base', 'fail', '--quiet']);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toBe('cxm: 1 check failed\n');
    const json = await checkJson([only, '--min', 'nps=30', '--on-low-base', 'fail']);
    expect(json.out.checks[0].status).toBe('low-base');
    expect(json.out.summary).toEqual({ checks: 1, passed: 0, failed: 0, lowBase: 1, ok: false });
  });

  it('follows --min-n', async () => {
    const { out, code } = await checkJson([only, '--min', 'nps=30', '--min-n', '10']);
    expect(out.checks[0].status).toBe('pass');
    expect(code).toBe(0);
  });
});

describe('exit codes', () => {
  it('0 when every check passes, 1 when one fails', async () => {
    expect((await runCli(['check', 'fixtures/responses.csv', '--min', 'nps=10', '--quiet'])).code).toBe(0);
    const failed = await runCli(['check', 'fixtures/responses.csv', '--min', 'nps=50', '--quiet']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('FAIL');
    expect(failed.stderr).toBe('cxm: 1 check failed\n');
  });

  it.each([
    [['fixtures/responses.csv'], /^cxm: nothing to check\nhint: give a threshold/],
    [['fixtures/responses.csv', '--min', 'nps'], /^cxm: --min takes METRIC=NUMBER, like nps=30 \(got "nps"\)/],
    [['fixtures/responses.csv', '--min', 'happiness=3'], /^cxm: --min takes METRIC=NUMBER/],
    [['fixtures/responses.csv', '--min', 'nps=130'], /^cxm: --min nps=130: nps runs from -100 to 100/],
    [['fixtures/responses.csv', '--max-drop', 'nps=-5'], /^cxm: --max-drop nps=-5: a drop is 0 to 200 points/],
    [['fixtures/responses.csv', '--max-drop', 'nps=5'], /^cxm: --max-drop nps: a drop needs something to drop from\nhint: add --baseline/],
    [['fixtures/responses.csv', '--min', 'nps=5', '--metric', 'csat'], /^cxm: check takes its metrics from --min and --max-drop/],
    [['fixtures/responses.csv', '--min', 'nps=5', '--as-of', '2026-03-01'], /^cxm: --as-of only matters with --every/],
    [['fixtures/responses.csv', '--min', 'nps=5', '--every', 'week', '--as-of', 'soon'], /^cxm: --as-of takes a date like 2026-06-28/],
    [['fixtures/responses.csv', '--min', 'nps=5', '--rule', 'strict'], /^cxm: --rule must be one of credible, point, assured/],
    [['fixtures/responses.csv', '--min', 'nps=5', '--on-low-base', 'ignore'], /^cxm: --on-low-base must be one of pass, warn, fail/],
    [['fixtures/responses.csv', '--min', 'nps=5', '--format', 'xml'], /^cxm: --format must be one of table, json, junit, github, markdown, csv/],
    [['fixtures/responses.csv', '--max-drop', 'nps=5', '--baseline', 'fixtures/responses.csv'], /is both current and baseline/],
    [['fixtures/compare/2026-q1.csv', 'fixtures/compare/2026-q2.csv', '--max-drop', 'nps=5', '--baseline', 'fixtures/compare/*.csv'], /^cxm: "fixtures\/compare\/2026-q1.csv", "fixtures\/compare\/2026-q2.csv" are both current and baseline\n/],
    [['fixtures/responses.csv', '--max-drop', 'nps=5', '--baseline', 'fixtures/compare/2026-q1.csv', '--every', 'week'], /^cxm: --baseline and --every/],
    [['missing.csv', '--min', 'nps=5'], /^cxm: missing.csv: no such file\n$/],
    [['fixtures/reader/labels.csv', '--min', 'ces=5'], /no CES column found/],
  ])('2 for usage and input errors: %j', async (args, message) => {
    const r = await runCli(['check', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('2 under --strict when rows are invalid, after writing the verdicts', async () => {
    const r = await runCli(['check', 'fixtures/reader/invalid.csv', '--min', 'nps=-100', '--strict', '--min-n', '0', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).command).toBe('check');
    expect(r.stderr).toMatch(/invalid rows? \(--strict\)/);
  });

  it('1 also when the verdicts go to a file', async () => {
    const out = path.join(dir, 'verdicts.xml');
    const r = await runCli(['check', 'fixtures/responses.csv', '--min', 'nps=50', '--format', 'junit', '-o', out, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('<failure');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('drops', () => {
  const before = npsCsv('before.csv', [{ segment: 'A', promoters: 55, passives: 30, detractors: 15 }]);
  const slump = npsCsv('slump.csv', [{ segment: 'A', promoters: 35, passives: 30, detractors: 35 }]);
  const dip = npsCsv('dip.csv', [{ segment: 'A', promoters: 52, passives: 32, detractors: 16 }]);

  it('credible: fails a significant drop larger than allowed, passes a small or uncertain one', async () => {
    const big = await checkJson([slump, '--baseline', before, '--max-drop', 'nps=5']);
    expect(big.code).toBe(1);
    expect(big.out.checks[0]).toMatchObject({ status: 'fail', code: 'significant-drop', value: 40 });
    expect(big.out.checks[0].reason).toMatch(/^drop 40\.0, 95% CI \d+\.\d – \d+\.\d: credibly more than 5 \(p [\d.]+\); 40\.0 → 0\.0$/);
    const small = await checkJson([dip, '--baseline', before, '--max-drop', 'nps=5']);
    expect(small.code).toBe(0);
    expect(small.out.checks[0]).toMatchObject({ status: 'pass', code: 'within' });
    const unsure = await checkJson([dip, '--baseline', before, '--max-drop', 'nps=2']);
    expect(unsure.out.checks[0]).toMatchObject({ status: 'pass', code: 'not-significant' });
  });

  it('credible tests the drop against the allowance, not against 0 (issue 14)', async () => {
    // NPS 40 → 34 on 5000 answers a side: the drop 6.0 is clearly not 0 (CI about 3.0 – 8.9) but not clearly more than 5
    const many = npsCsv('many-before.csv', [{ segment: 'A', promoters: 2750, passives: 1500, detractors: 750 }]);
    const fewer = npsCsv('many-after.csv', [{ segment: 'A', promoters: 2600, passives: 1500, detractors: 900 }]);
    const r = await checkJson([fewer, '--baseline', many, '--max-drop', 'nps=5']);
    expect(r.code).toBe(0);
    const row = r.out.checks[0];
    expect(row).toMatchObject({ status: 'pass', code: 'not-significant', value: 6 });
    expect(row.lower).toBeGreaterThan(0);
    expect(row.lower).toBeLessThan(5);
    expect(row.p).toBeGreaterThan(0.05);
    expect(row.reason).toMatch(/^drop 6\.0, 95% CI 3\.\d – 8\.\d: not credibly more than 5; 40\.0 → 34\.0$/);
    // with an allowance of 2 the same interval lies wholly above it: fail, p below α
    const tight = await checkJson([fewer, '--baseline', many, '--max-drop', 'nps=2']);
    expect(tight.code).toBe(1);
    expect(tight.out.checks[0]).toMatchObject({ status: 'fail', code: 'significant-drop' });
    expect(tight.out.checks[0].p).toBeLessThan(0.05);
  });

  it('point fails any drop larger than allowed; assured fails unless the interval rules it out', async () => {
    expect((await checkJson([dip, '--baseline', before, '--max-drop', 'nps=2', '--rule', 'point'])).out.checks[0].status).toBe('fail');
    const assured = await checkJson([dip, '--baseline', before, '--max-drop', 'nps=5', '--rule', 'assured']);
    expect(assured.out.checks[0]).toMatchObject({ status: 'fail', code: 'upper-exceeds' });
    const generous = await checkJson([dip, '--baseline', before, '--max-drop', 'nps=40', '--rule', 'assured']);
    expect(generous.out.checks[0]).toMatchObject({ status: 'pass', code: 'within' });
  });

  it('--every compares the last complete period before --as-of with the one before it', async () => {
    const file = npsCsv('weeks.csv', [
      { segment: 'A', promoters: 55, passives: 30, detractors: 15, date: '2026-03-03' },
      { segment: 'A', promoters: 35, passives: 30, detractors: 35, date: '2026-03-10' },
      { segment: 'A', promoters: 90, passives: 10, detractors: 0, date: '2026-03-18' },
    ]);
    // as of Wednesday 18 March: week 12 is not complete, so week 11 against week 10
    const mid = await checkJson([file, '--every', 'week', '--as-of', '2026-03-18', '--max-drop', 'nps=5']);
    expect(mid.out.settings.current).toEqual({ period: '2026-W11', start: '2026-03-09', end: '2026-03-15' });
    expect(mid.out.settings.baseline).toEqual({ period: '2026-W10', start: '2026-03-02', end: '2026-03-08' });
    expect(mid.code).toBe(1);
    // by default as of the latest date in the data (also mid-week): the same weeks
    const latest = await checkJson([file, '--every', 'week', '--max-drop', 'nps=5']);
    expect(latest.out.settings.asOf).toBe('2026-03-18');
    expect(latest.out.checks[0].value).toBe(mid.out.checks[0].value);
    // as of Sunday 22 March week 12 is complete: a rise
    const sunday = await checkJson([file, '--every', 'week', '--as-of', '2026-03-22', '--max-drop', 'nps=5']);
    expect(sunday.out.settings.current).toMatchObject({ period: '2026-W12' });
    expect(sunday.code).toBe(0);
  });

  it('a missing previous period is low base, not a pass', async () => {
    const file = npsCsv('one-week.csv', [{ segment: 'A', promoters: 55, passives: 30, detractors: 15, date: '2026-03-03' }]);
    const { out, code } = await checkJson([file, '--every', 'week', '--max-drop', 'nps=5', '--on-low-base', 'fail']);
    expect(out.checks[0]).toMatchObject({ status: 'low-base', code: 'low-base' });
    expect(code).toBe(1);
  });
});

describe('config file', () => {
  it('holds thresholds and rules; flags override them metric by metric', async () => {
    const config = path.join(dir, 'cxm.config.json');
    writeFileSync(config, JSON.stringify({ check: { min: { nps: 50, csat: 60 }, rule: 'point', onLowBase: 'fail' } }));
    const fromConfig = await checkJson(['fixtures/responses.csv', '--config', config]);
    expect(fromConfig.out.settings).toMatchObject({ rule: 'point', onLowBase: 'fail', thresholds: { min: { nps: 50, csat: 60 }, maxDrop: {} } });
    expect(fromConfig.code).toBe(1);
    const overridden = await checkJson(['fixtures/responses.csv', '--config', config, '--min', 'nps=10', '--rule', 'credible']);
    expect(overridden.out.settings).toMatchObject({ rule: 'credible', thresholds: { min: { nps: 10, csat: 60 } } });
    expect(overridden.code).toBe(0);
  });

  it('rejects an unknown rule in the config', async () => {
    const config = path.join(dir, 'bad.config.json');
    writeFileSync(config, JSON.stringify({ check: { rule: 'lenient' } }));
    const r = await runCli(['check', 'fixtures/responses.csv', '--config', config, '--min', 'nps=1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config "check.rule"/);
  });
});

describe('outputs', () => {
  const tricky = npsCsv('tricky.csv', [
    { segment: 'EMEA & <APAC> "quoted" 100%', promoters: 10, passives: 10, detractors: 60 },
    { segment: 'a,b: c\u0001', promoters: 4, passives: 3, detractors: 3 },
    { segment: 'fine', promoters: 300, passives: 60, detractors: 40 },
  ]);
  const args = [tricky, '--min', 'nps=30', '--by', 'segment', '--quiet'];

  it('JSON: the v1 envelope with a reason for every check', async () => {
    const { out } = await checkJson(args);
    expect(out.cxm).toBe(1);
    expect(out.command).toBe('check');
    expect(Object.keys(out)).toEqual(['cxm', 'command', 'input', 'settings', 'checks', 'summary', 'warnings']);
    expect(Object.keys(out.checks[0]).slice(0, 10)).toEqual(['metric', 'group', 'threshold', 'rule', 'n', 'value', 'lower', 'upper', 'status', 'reason']);
    expect(out.checks.every((c) => c.reason.length > 0)).toBe(true);
    expect(out.summary).toEqual({ checks: 4, passed: 2, failed: 1, lowBase: 1, ok: false });
  });

  it('JUnit: well-formed XML whose counts match its test cases', async () => {
    for (const onLowBase of ['warn', 'fail', 'pass']) {
      const r = await runCli(['check', ...args, '--format', 'junit', '--on-low-base', onLowBase]);
      expect(r.code).toBe(1);
      const root = parseXml(r.stdout);
      expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
      expect(root.name).toBe('testsuites');
      const suites = root.children.filter((c) => c.name === 'testsuite');
      expect(suites).toHaveLength(1);
      const suite = suites[0];
      const cases = suite.children.filter((c) => c.name === 'testcase');
      const failures = cases.filter((c) => c.children.some((x) => x.name === 'failure'));
      const skipped = cases.filter((c) => c.children.some((x) => x.name === 'skipped'));
      for (const element of [root, suite]) {
        expect(element.attributes).toMatchObject({ tests: String(cases.length), failures: String(failures.length), errors: '0', skipped: String(skipped.length) });
      }
      expect(cases).toHaveLength(4);
      expect(failures).toHaveLength(onLowBase === 'fail' ? 2 : 1);
      expect(skipped).toHaveLength(onLowBase === 'warn' ? 1 : 0);
      for (const c of cases) {
        expect(c.attributes.name).toMatch(/^NPS ≥ 30 \(/);
        expect(c.attributes.classname).toBe('cxm.check.nps');
        expect(c.attributes.time).toBe('0');
      }
      for (const f of failures) expect(f.children.find((x) => x.name === 'failure')!.attributes.message.length).toBeGreaterThan(0);
      // data text arrives as it was, minus the control character XML cannot carry
      const names = cases.map((c) => c.attributes.name);
      expect(names).toContain('NPS ≥ 30 (segment=EMEA & <APAC> "quoted" 100%)');
      expect(names).toContain('NPS ≥ 30 (segment=a,b: c\ufffd)'); // the control character marked (issue 15)
      expect(allElements(root).some((e) => textContent(e).includes('\u0001'))).toBe(false);
    }
  });

  it('GitHub: ::error and ::warning lines, escaped as the runner expects', async () => {
    const r = await runCli(['check', ...args, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('::warning title=cxm check%3A NPS ≥ 30 (segment=a%2Cb%3A c\ufffd)::low base: n = 10, under --min-n 30');
    expect(lines[1]).toMatch(/^::error title=cxm check%3A NPS ≥ 30 \(segment=EMEA & <APAC> "quoted" 100%25\)::the 95%25 CI .* lies below 30/);
    expect(lines[2]).toBe('cxm check: FAILED: 1 failed, 2 passed, 1 low base (a warning)');
    for (const line of lines) expect(line).not.toMatch(/\r/);
  });

  it('GitHub: a line break in data cannot end the command early', async () => {
    const file = path.join(dir, 'newline.csv');
    writeFileSync(file, `segment,nps\n"two\nlines%",3\n`);
    const r = await runCli(['check', file, '--min', 'nps=30', '--by', 'segment', '--format', 'github', '--on-low-base', 'fail', '--quiet']);
    expect(r.stdout).toContain('::error title=cxm check%3A NPS ≥ 30 (segment=two%0Alines%25)::');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(2);
  });

  it('table, Markdown and CSV say the same', async () => {
    const table = await runCli(['check', ...args, '--no-color']);
    expect(table.stdout).toMatch(/Minimums · .*tricky\.csv/);
    expect(table.stdout).toContain('FAILED: 1 failed, 2 passed, 1 low base (a warning)');
    const md = await runCli(['check', ...args, '--format', 'markdown']);
    expect(md.stdout).toContain('| check | segment | n | score |');
    const csv = await runCli(['check', ...args, '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('kind,metric,segment,threshold,rule,n,value,lower,upper,p,p_adjusted,status,code,reason,current_n,current_value,baseline_n,baseline_value');
  });
});
