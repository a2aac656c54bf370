// The enrichment options from the command line: equal weights reproduce unweighted results exactly,
// bad weights are counted and reported, joins (CSV, JSON, clashing names, duplicate keys), tags and
// per-entity roll-ups, --since/--until outside trend, the errors a user can make, every command taking
// the options, and thread splits giving byte-identical results with all of them together.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const bin = path.resolve('bin/cxm.js');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'cxm-enrich-'));
const JOIN = ['--join', 'fixtures/customers.csv', '--on', 'email'];

/** A customer file giving every respondent of fixtures/responses.csv the same weight `w`. */
function equalWeights(w: string): string {
  const emails = readFileSync('fixtures/responses.csv', 'utf8').match(/customer\d+@example\.com/g)!;
  const file = path.join(tmp(), 'weights.csv');
  writeFileSync(file, `email,w\n${emails.map((e) => `${e},${w}`).join('\n')}\n`);
  return file;
}

async function json(args: string[]): Promise<{ rows: Record<string, unknown>[]; settings: Record<string, unknown>; input: Record<string, unknown>; warnings: { code: string; message: string; line?: number }[] }> {
  const r = await runCli([...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** Rows without nEff (after checking it equals n, as it must for equal weights). */
function withoutNEff(rows: unknown): unknown {
  return JSON.parse(JSON.stringify(rows), (_key, value) => {
    if (value && typeof value === 'object' && 'nEff' in value) {
      expect(value.nEff).toBe(value.n);
      const { nEff: _nEff, ...rest } = value;
      return rest;
    }
    return value;
  });
}

describe('equal weights reproduce unweighted results exactly', () => {
  const commands = [
    ['score', 'fixtures/responses.csv', '--by', 'region,plan', '--metric', 'nps,csat,ces,csat-mean,ces-mean'],
    ['crosstab', 'fixtures/responses.csv', '--rows', 'region', '--cols', 'channel', '--min-n', '10'],
    ['trend', 'fixtures/responses.csv', '--every', 'month', '--window', '2'],
    ['compare', 'fixtures/responses.csv', '--period', '2026-Q2', '--against', '2026-Q1', '--by', 'plan'],
    ['drivers', 'fixtures/responses.csv', '--by', 'region,channel'],
    ['score', 'fixtures/responses.csv', '--by', 'region', '--method', 'nps=score,csat=jeffreys'],
  ];
  it.each(commands.flatMap((c) => ['0.7', '3', '1'].map((w) => [c.slice(0, 2).join(' '), w, c] as const)))('%s with every weight %s', async (_name, w, args) => {
    const plain = await json(args);
    const weighted = await json([...args, '--join', equalWeights(w), '--on', 'email', '--weight', 'w']);
    expect(withoutNEff(weighted.rows)).toEqual(plain.rows);
    expect(weighted.settings.weight).toEqual({ column: 'w', variance: 'kish' });
  });
});

describe('--weight', () => {
  it('bad weights make the row invalid (listed with the line), weight 0 excludes it; --strict fails', async () => {
    const r = await runCli(['score', 'fixtures/enrich/weights.csv', '--weight', 'weight', '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.input).toMatchObject({ rows: 10, used: 4, invalid: 5, excluded: 1 });
    expect(out.warnings.map((w: { line: number; message: string }) => `${w.line}: ${w.message}`)).toEqual([
      '4: column "weight": "-2" is negative',
      '5: column "weight": "abc" is not a number',
      '6: column "weight": no weight',
      '7: column "weight": weight 0; the row is left out',
      '8: column "weight": "1e999" is not a finite number',
      '9: column "weight": "2,5" is not a number',
    ]);
    expect((await runCli(['score', 'fixtures/enrich/weights.csv', '--weight', 'weight', '--strict', '--quiet'])).code).toBe(2);
  });

  it('reads decimal commas in files delimited with ";" (weights 1.5, 2, 0.5, 1.25)', async () => {
    const [all] = (await json(['score', 'fixtures/enrich/weights-semicolon.csv', '--weight', 'weight'])).rows;
    // promoters 1.5 + 2 + 1.25, detractor 0.5: NPS (4.75 − 0.5)/5.25; n_eff 5.25² / (1.5² + 2² + 0.5² + 1.25²)
    expect(all.value).toBeCloseTo((100 * 4.25) / 5.25, 12);
    expect(all.nEff).toBeCloseTo(5.25 ** 2 / 8.0625, 12);
    expect(all.n).toBe(4);
  });

  it('shows n with the effective n in tables and adds n_eff to CSV', async () => {
    const table = await runCli(['score', 'fixtures/enrich/weights-semicolon.csv', '--weight', 'weight', '--quiet']);
    expect(table.stdout).toContain('n (eff.)');
    expect(table.stdout).toContain('4 (3.4) *');
    expect(table.stdout).toContain('Weighted by "weight"');
    const csv = await runCli(['score', 'fixtures/enrich/weights-semicolon.csv', '--weight', 'weight', '--format', 'csv', '--quiet']);
    expect(csv.stdout.split('\n')[0]).toMatch(/^metric,n,n_eff,value,/);
  });

  it('--variance linearized needs --weight and replaces --method nps', async () => {
    let r = await runCli(['score', 'fixtures/responses.csv', '--variance', 'linearized']);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'cxm: --variance linearized needs --weight COLUMN']);
    r = await runCli(['score', 'fixtures/responses.csv', ...JOIN, '--weight', 'revenue', '--variance', 'linearized', '--method', 'nps=score']);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'cxm: --variance linearized replaces the NPS interval method (--method nps=score)']);
    const out = await json(['score', 'fixtures/responses.csv', ...JOIN, '--weight', 'revenue', '--variance', 'linearized', '--metric', 'nps']);
    expect(out.settings.methods).toEqual({ nps: 'linearized' });
  });
});

describe('--join', () => {
  it('counts and reports responses without a match; their joined columns are (blank)', async () => {
    const out = await json(['score', 'fixtures/responses.csv', ...JOIN, '--by', 'tier', '--metric', 'nps']);
    expect(out.settings.join).toEqual({ file: 'fixtures/customers.csv', on: 'email', key: 'email', columns: ['account', 'industry', 'tier', 'revenue'], rows: 465, unmatched: 15 });
    expect(out.warnings.filter((w) => w.code === 'unmatched-join')[0]).toMatchObject({ line: 47, message: 'column "email": "customer046@example.com" has no match in fixtures/customers.csv' });
    const blank = out.rows.find((r) => (r.group as Record<string, string>).tier === '(blank)')!;
    expect((blank.n as number) + (blank.skipped as number)).toBe(15);
  });

  it('a key twice in the join file is an error naming it and both lines', async () => {
    const r = await runCli(['score', 'fixtures/responses.csv', '--join', 'fixtures/enrich/customers-duplicate.csv', '--on', 'email']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'cxm: fixtures/enrich/customers-duplicate.csv:4: the key "customer001@example.com" appears twice in column "email" (lines 2 and 4)\nhint: a left join needs one row per key: remove the duplicate, or join on another column\n',
    );
  });

  it('joins a JSON file on a differently named key; columns named like a response column get the file name', async () => {
    const out = await json(['score', 'fixtures/reader/responses.json', '--join', 'fixtures/enrich/accounts.json', '--on', 'id=id', '--by', 'segment']);
    expect(out.rows.map((r) => [(r.group as Record<string, string>).segment, r.n])).toEqual([[undefined, 3], ['Enterprise', 1], ['SMB', 2]]);
    const clash = await json(['score', 'fixtures/compare/2026-q2.csv', '--join', 'fixtures/compare/2026-q1.csv', '--on', 'response_id', '--by', '2026-q1.region', '--metric', 'nps']);
    expect(clash.warnings.find((w) => w.code === 'read-note')?.message).toContain('"2026-q1.region"');
    // Q2 responses are not in the Q1 file: all unmatched, all (blank)
    expect(clash.rows.map((r) => (r.group as Record<string, string>)['2026-q1.region'])).toEqual([undefined, '(blank)']);
  });

  it.each([
    [['--on', 'email'], 'cxm: --on needs --join FILE'],
    [['--join', 'fixtures/customers.csv'], 'cxm: --join needs --on COLUMN'],
    [['--join', 'fixtures/customers.csv', '--on', 'email=mail'], 'cxm: fixtures/customers.csv: --on: no column "mail"'],
    [['--join', 'fixtures/customers.csv', '--on', 'mail=email'], 'cxm: fixtures/responses.csv: --on: no column "mail"'],
    [['--join', 'fixtures/customers.csv', '--on', 'a=b=c'], 'cxm: --on takes COLUMN or COLUMN=JOIN_COLUMN (got "a=b=c")'],
    [['--join', 'missing.csv', '--on', 'email'], 'cxm: missing.csv: no such file'],
  ])('%j: %s', async (flags, message) => {
    const r = await runCli(['score', 'fixtures/responses.csv', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(message);
  });
});

describe('--where, --since, --until', () => {
  it('a syntax error names the position and points at it', async () => {
    const r = await runCli(['score', 'fixtures/responses.csv', '--where', 'region = EMEA and']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cxm: --where: expected a column name at the end\nhint: region = EMEA and\n                       ^\n');
  });

  it('an unknown column is an input error listing the columns; `tag` without --tags says how', async () => {
    let r = await runCli(['score', 'fixtures/responses.csv', '--where', 'country = DE']);
    expect(r.stderr.split('\n')[0]).toBe('cxm: fixtures/responses.csv: --where: no column "country"');
    r = await runCli(['score', 'fixtures/responses.csv', '--by', 'tag']);
    expect(r.stderr).toContain('hint: to tag the comments by keyword, give --tags RULES.json');
  });

  it('rows left out count as excluded; several --where must all hold', async () => {
    const one = await json(['score', 'fixtures/responses.csv', '--where', 'region = EMEA', '--where', 'plan = Free', '--metric', 'nps']);
    const both = await json(['score', 'fixtures/responses.csv', '--where', 'region = EMEA and plan = Free', '--metric', 'nps']);
    expect(one.rows).toEqual(both.rows);
    expect(one.input.excluded).toBe(480 - (one.input.used as number) - (one.input.skipped as number));
    expect(one.settings.where).toEqual(['region = EMEA', 'plan = Free']);
  });

  it('--since/--until on score keep the same rows as the month in a trend', async () => {
    const month = (await json(['trend', 'fixtures/responses.csv', '--every', 'month', '--metric', 'nps'])).rows.find((r) => (r.group as Record<string, string>).period === '2026-03')!;
    const score = await json(['score', 'fixtures/responses.csv', '--since', '2026-03', '--until', '2026-03', '--metric', 'nps']);
    expect(score.rows[0]).toMatchObject({ n: month.n, value: month.value, lower: month.lower, upper: month.upper });
    expect(score.settings.dates).toEqual({ column: 'submitted_at', since: '2026-03', until: '2026-03' });
    const r = await runCli(['score', 'fixtures/responses.csv', '--since', 'March']);
    expect(r.stderr.split('\n')[0]).toBe('cxm: --since takes a date (2026-01-05) or a period: 2026-W05, 2026-01, 2026-Q1, 2026 (got "March")');
  });
});

describe('--tags', () => {
  it('a response counts once in each of its tags; untagged ones group as (untagged), last', async () => {
    const out = await json(['score', 'fixtures/responses.csv', '--tags', 'fixtures/tags.json', '--by', 'tag', '--metric', 'nps']);
    const groups = out.rows.slice(1).map((r) => (r.group as Record<string, string>).tag);
    expect(groups[groups.length - 1]).toBe('(untagged)');
    const sum = out.rows.slice(1).reduce((a, r) => a + (r.n as number), 0);
    expect(sum).toBeGreaterThan(out.rows[0].n as number); // some comments carry two tags
    expect(out.settings.tags).toEqual({ file: 'fixtures/tags.json', column: 'comment', tags: ['billing', 'support', 'usability', 'reliability', 'speed', 'price', 'onboarding'] });
  });

  it('tag works in crosstab and where, with its margins counting each response once', async () => {
    const out = await json(['crosstab', 'fixtures/responses.csv', '--tags', 'fixtures/tags.json', '--rows', 'tag', '--cols', 'region', '--where', 'tag != price', '--metric', 'nps']);
    const total = out.rows.find((r) => Object.keys(r.group as object).length === 0)!;
    const emea = out.rows.find((r) => JSON.stringify(r.group) === '{"region":"EMEA"}')!;
    const plain = await json(['score', 'fixtures/responses.csv', '--tags', 'fixtures/tags.json', '--where', 'tag != price', '--by', 'region', '--metric', 'nps']);
    expect(total.n).toBe(plain.rows[0].n);
    expect(emea.n).toBe(plain.rows.find((r) => JSON.stringify(r.group) === '{"region":"EMEA"}')!.n);
    expect(out.rows.some((r) => JSON.stringify(r.group) === '{"tag":"price"}')).toBe(false);
  });

  it.each([
    [['--tags', 'fixtures/enrich/tags-bad.json'], 'fixtures/responses.csv', /^cxm: fixtures\/enrich\/tags-bad\.json: tag "billing": \/charg\(e\/i is not a valid regular expression/],
    [['--tags', 'fixtures/tags.json'], 'fixtures/enrich/two-comments.csv', /^cxm: fixtures\/enrich\/two-comments\.csv: two columns could hold the comment: "comment" and "feedback"\nhint: choose one with --comment COLUMN/],
    [['--tags', 'missing.json'], 'fixtures/responses.csv', /^cxm: missing\.json: cannot read the tag rules file/],
  ])('%j on %s', async (flags, file, message) => {
    const r = await runCli(['score', file, ...flags, '--by', 'tag']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('--comment names the column', async () => {
    const out = await json(['score', 'fixtures/enrich/two-comments.csv', '--tags', 'fixtures/tags.json', '--comment', 'feedback', '--by', 'tag']);
    expect(out.rows[1].group).toEqual({ tag: 'speed' });
  });
});

describe('--per', () => {
  it('n counts entities; rows without one are left out and reported; entities in two groups are warned about', async () => {
    const out = await json(['score', 'fixtures/responses.csv', ...JOIN, '--per', 'account', '--by', 'region', '--metric', 'nps']);
    expect(out.rows[0].n).toBe(100);
    expect(out.input.excluded).toBe(15);
    expect(out.warnings.find((w) => w.code === 'excluded-row')?.message).toBe('column "account": no value to roll up by (--per); the row is left out');
    expect(out.warnings.find((w) => w.code === 'entity-in-several-groups')?.message).toMatch(/^\d+ values of "account" answered in more than one region group/);
    expect(out.settings.per).toEqual({ column: 'account', rule: 'mean' });
  });

  it.each([
    [['--per-rule', 'min'], 'cxm: --per-rule needs --per COLUMN'],
    [['--per', 'account', '--per-rule', 'best'], 'cxm: --per-rule must be one of mean, min, latest (got "best")'],
    [['--per', 'region', '--per-rule', 'latest', '--date', 'nope'], 'cxm: fixtures/responses.csv: --date: no column "nope"'],
  ])('%j: %s', async (flags, message) => {
    const r = await runCli(['score', 'fixtures/responses.csv', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(message);
  });
});

describe('cxm drivers', () => {
  it('needs --by or --tags', async () => {
    const r = await runCli(['drivers', 'fixtures/responses.csv']);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'cxm: drivers needs --by COLUMNS (or --tags RULES.json)']);
    const tags = await json(['drivers', 'fixtures/responses.csv', '--tags', 'fixtures/tags.json', '--metric', 'nps']);
    expect(tags.settings.by).toEqual(['tag']);
  });
});

describe('check and report take the options, with the same numbers as compare and score', () => {
  const ENRICH = [...JOIN, '--per', 'account', '--weight', 'revenue', '--tags', 'fixtures/tags.json', '--by', 'tag'];
  const PERIODS = ['--period', '2026-Q2', '--against', '2026-Q1'];
  type Side = { n: number; value: number | null; lower: number | null; upper: number | null };
  type Row = { metric: string; group: Record<string, string>; current: Side; baseline: Side; diff: number | null };
  const same = (a: Side, b: Side) => expect([a.n, a.value, a.lower, a.upper]).toEqual([b.n, b.value, b.lower, b.upper]);

  it('check --every quarter (days regrouped into quarters: accounts rolled up per quarter, tags expanded)', async () => {
    const compare = (await json(['compare', 'fixtures/responses.csv', ...PERIODS, ...ENRICH, '--metric', 'nps'])).rows as unknown as Row[];
    const r = await runCli(['check', 'fixtures/responses.csv', '--every', 'quarter', '--as-of', '2026-06-30', '--max-drop', 'nps=50', ...ENRICH, '--format', 'json']);
    const out = JSON.parse(r.stdout) as { checks: Row[]; settings: Record<string, unknown> };
    expect(out.checks.length).toBe(compare.length);
    for (const row of compare) {
      const check = out.checks.find((c) => JSON.stringify(c.group) === JSON.stringify(row.group))!;
      same(check.current, row.current);
      same(check.baseline, row.baseline);
    }
    expect(out.settings).toMatchObject({ weight: { column: 'revenue' }, per: { column: 'account', rule: 'mean' }, tags: { column: 'comment' } });
  });

  it('check of one file (--min) scores like score', async () => {
    const score = (await json(['score', 'fixtures/responses.csv', ...ENRICH, '--metric', 'nps'])).rows;
    const r = await runCli(['check', 'fixtures/responses.csv', '--min', 'nps=-100', ...ENRICH, '--format', 'json']);
    const checks = JSON.parse(r.stdout).checks as { group: object; n: number; current?: Side; value: number }[];
    for (const row of score) {
      const check = checks.find((c) => JSON.stringify(c.group) === JSON.stringify(row.group))!;
      expect(check.n).toBe(row.n);
    }
  });

  it('report --every quarter: headlines and tag segments equal compare of the two quarters', async () => {
    const compare = (await json(['compare', 'fixtures/responses.csv', ...PERIODS, ...ENRICH, '--metric', 'nps'])).rows as unknown as Row[];
    const r = await runCli(['report', 'fixtures/responses.csv', '--every', 'quarter', '--as-of', '2026-06-30', '--comments', '0', ...ENRICH, '--metric', 'nps', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { headlines: Row[]; segments: { column: string; rows: Row[] }[] };
    same(out.headlines[0].current, compare[0].current);
    same(out.headlines[0].baseline, compare[0].baseline);
    const tags = out.segments.find((x) => x.column === 'tag')!.rows;
    for (const row of compare.slice(1)) {
      const seg = tags.find((t) => t.group.tag === row.group.tag)!;
      same(seg.current, row.current);
      same(seg.baseline, row.baseline);
    }
  });
});

describe('tally files', () => {
  it('weights survive --emit tallies: reading them back is the same weighted run', async () => {
    const file = path.join(tmp(), 'weighted.csv');
    const emitted = await runCli(['score', 'fixtures/responses.csv', ...JOIN, '--where', 'plan != Free', '--weight', 'revenue', '--by', 'tier,region', '--emit', 'tallies', '-o', file, '--quiet']);
    expect(emitted.code, emitted.stderr).toBe(0);
    const direct = await json(['score', 'fixtures/responses.csv', ...JOIN, '--where', 'plan != Free', '--weight', 'revenue', '--by', 'tier']);
    const read = await json(['score', '--tallies', file, '--by', 'tier']);
    expect(read.rows).toEqual(direct.rows);
    expect(read.rows[0].nEff).toBeTypeOf('number');
  });

  it.each([
    [['--where', 'plan = Pro'], 'cxm: --where reads responses; tally files are already counted'],
    [['--weight', 'revenue', '--per', 'account'], 'cxm: --weight, --per read responses; tally files are already counted'],
  ])('%j with --tallies is an error', async (flags, message) => {
    const r = await runCli(['score', '--tallies', 'fixtures/sql/tallies-by-region.csv', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(message);
  });

  it('--emit tallies refuses --per and --by tag (they would not add up)', async () => {
    let r = await runCli(['score', 'fixtures/responses.csv', ...JOIN, '--per', 'account', '--emit', 'tallies']);
    expect(r.stderr.split('\n')[0]).toMatch(/^cxm: --emit tallies cannot write --per roll-ups/);
    r = await runCli(['score', 'fixtures/responses.csv', '--tags', 'fixtures/tags.json', '--by', 'tag', '--emit', 'tallies']);
    expect(r.stderr.split('\n')[0]).toMatch(/^cxm: --emit tallies cannot count --by tag/);
  });
});

describe('everything together, split across threads', () => {
  it('gives the same bytes on 1, 2, 3 and 7 threads (fractional weights, latest answers, tags, filters)', () => {
    const dir = tmp();
    const file = path.join(dir, 'big.csv');
    const [header, ...rest] = readFileSync('fixtures/responses.csv', 'utf8').trimEnd().split(/\n(?=R_)/);
    writeFileSync(file, `${header}\n${Array.from({ length: 30 }, () => rest.join('\n')).join('\n')}\n`);
    const weights = path.join(dir, 'customers.csv');
    // fractional weights whose sums depend on the order of addition unless summed exactly
    writeFileSync(weights, readFileSync('fixtures/customers.csv', 'utf8').replace(/,(\d+)$/gm, (_m, v: string) => `,${(Number(v) / 7).toPrecision(12)}`));
    const runs = [
      ['score', file, '--join', weights, '--on', 'email', '--where', 'industry != Retail or tag = billing', '--weight', 'revenue', '--tags', 'fixtures/tags.json', '--by', 'tag,tier'],
      ['drivers', file, '--join', weights, '--on', 'email', '--per', 'account', '--per-rule', 'latest', '--weight', 'revenue', '--by', 'region,industry', '--since', '2026-02'],
    ];
    for (const args of runs) {
      const run = (threads: string) => execFileSync('node', [bin, ...args, '--format', 'json', '--quiet'], { encoding: 'utf8', env: { ...process.env, CXM_THREADS: threads, CXM_MIN_BYTES_PER_THREAD: '1' } });
      const one = run('1');
      for (const threads of ['2', '3', '7']) expect(run(threads)).toBe(one);
    }
  });
});

describe('every command takes the options', () => {
  it.each(['score', 'crosstab', 'trend', 'compare', 'drivers', 'check', 'report'])('%s --help lists them', async (command) => {
    const r = await runCli([command, '--help']);
    for (const flag of ['--where', '--since', '--until', '--weight', '--variance', '--join', '--on', '--per', '--per-rule', '--tags', '--comment']) expect(r.stdout).toContain(flag);
  });

  it('a config file keeps the tag rules (relative to it), the weight and the per column', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'rules.json'), readFileSync('fixtures/tags.json'));
    const config = path.join(dir, 'cxm.config.json');
    writeFileSync(config, JSON.stringify({ tags: 'rules.json', weight: 'revenue', per: 'account', perRule: 'min', columns: { comment: 'comment' } }));
    const out = await json(['score', 'fixtures/responses.csv', '--config', config, ...JOIN, '--by', 'tag', '--metric', 'nps']);
    expect(out.settings).toMatchObject({ weight: { column: 'revenue' }, per: { column: 'account', rule: 'min' }, tags: { column: 'comment' } });
  });
});
