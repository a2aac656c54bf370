// Tally files: `--emit tallies` then `--tallies` reproduces score, crosstab and trend byte for byte on
// every fixture (CSV and JSON tally files, every output format, stderr too); shards of a file, counted
// apart and merged, equal the whole; tallies counted finer (more group columns, days) add up to coarser.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-tallies-'));
let counter = 0;
const tmpFile = (ext: string) => path.join(dir, `t${++counter}.${ext}`);

/** Every fixture export, found by walking fixtures/ (expected counts and configs are not exports). */
function fixtureFiles(root = 'fixtures'): string[] {
  return readdirSync(root)
    .sort()
    .flatMap((name) => {
      const p = path.join(root, name);
      if (statSync(p).isDirectory()) return fixtureFiles(p);
      return /\.(csv|tsv|txt|json|ndjson)$/.test(name) && name !== 'expected.json' && !p.includes('config') ? [p] : [];
    });
}

/** The segment and date columns `inspect` finds in a file. */
async function columnsOf(file: string): Promise<{ segments: string[]; date: boolean }> {
  const r = await runCli(['inspect', file, '--format', 'json', '--quiet']);
  if (r.code !== 0) return { segments: [], date: false };
  const columns: { name: string; role: string }[] = JSON.parse(r.stdout).files[0].columns;
  return { segments: columns.filter((c) => c.role === 'segment').map((c) => c.name), date: columns.some((c) => c.role === 'date') };
}

/** Commands and files round-tripped, to check the walk over the fixtures tested something. */
const tripped = new Set<string>();

/** Files the command refuses, each with the refusal, to check the walk refused only what it should. */
const refused = new Map<string, string>();

/**
 * Runs `args` on the file, then emits its tallies (CSV and JSON) and runs `args` on them: all equal.
 * A file the command refuses (exit 2, one error line) is refused the same way when asked for tallies.
 */
async function roundTrip(command: string, file: string, args: string[], formats = ['json', 'table']): Promise<CliRun | null> {
  const direct: CliRun[] = [];
  for (const format of formats) direct.push(await runCli([command, file, ...args, '--format', format]));
  if (direct[0].code !== 0) {
    expect(direct[0].code, direct[0].stderr).toBe(2);
    expect(direct[0].stderr.startsWith(`cxm: ${file}: `), direct[0].stderr).toBe(true);
    const emitted = await runCli([command, file, ...args, '--emit', 'tallies', '--format', 'csv', '-o', tmpFile('csv')]);
    expect({ code: emitted.code, stderr: emitted.stderr, stdout: emitted.stdout }).toEqual({ code: 2, stderr: direct[0].stderr, stdout: '' });
    refused.set(`${command} ${file}`, direct[0].stderr.split('\n')[0]);
    return null;
  }
  for (const kind of ['csv', 'json']) {
    const tallies = tmpFile(kind);
    const emitted = await runCli([command, file, ...args, '--emit', 'tallies', '--format', kind, '-o', tallies]);
    expect(emitted.code, emitted.stderr).toBe(direct[0].code);
    expect(emitted.stderr).toBe(direct[0].stderr);
    for (const [i, format] of formats.entries()) {
      const back = await runCli([command, '--tallies', tallies, ...args, '--format', format]);
      expect(back, `${command} ${file} ${args.join(' ')} --format ${format} from ${kind} tallies`).toEqual(direct[i]);
    }
  }
  tripped.add(`${command} ${file}`);
  return direct[0];
}

describe('--emit tallies then --tallies gives the same output', () => {
  const files = fixtureFiles();

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  for (const file of files) {
    it(file, async () => {
      const { segments, date } = await columnsOf(file);
      const config = file.includes('labels-de') ? ['--config', 'fixtures/config/labels-de.json'] : [];
      const scored = await roundTrip('score', file, [...config, '--min-n', '5']);
      if (scored === null) return; // refused, as roundTrip checked: nothing to count
      if (segments.length > 0) await roundTrip('score', file, [...config, '--by', segments.slice(0, 2).join(','), '--min-n', '5'], ['json', 'csv', 'markdown']);
      if (segments.length > 1) await roundTrip('crosstab', file, [...config, '--rows', segments[0], '--cols', segments[1], '--ci', '--min-n', '3'], ['json', 'table']);
      if (date) {
        await roundTrip('trend', file, [...config, '--every', 'month', '--min-n', '3'], ['json', 'table']);
        if (segments.length > 0) await roundTrip('trend', file, [...config, '--every', 'week', '--by', segments[0], '--window', '2', '--min-n', '3'], ['json', 'csv']);
      }
    });
  }

  it('round-tripped score on most fixtures, crosstab and trend on many', () => {
    const count = (command: string) => [...tripped].filter((t) => t.startsWith(`${command} `)).length;
    expect(count('score')).toBeGreaterThan(30);
    expect(count('crosstab')).toBeGreaterThan(10);
    expect(count('trend')).toBeGreaterThan(15);
  });

  it('refused score only on the files that hold no scores (or two NPS columns to choose from, or a column that is not the metric it looks like)', () => {
    expect([...refused.keys()].filter((k) => k.startsWith('score ')).sort()).toEqual(
      [
        'fixtures/customers.csv',
        'fixtures/enrich/accounts.json',
        'fixtures/enrich/customers-duplicate.csv',
        'fixtures/enrich/tags-bad.json',
        // the true unit scores of the rank fixtures: an "nps" field of real numbers, not answers on 0-10
        'fixtures/rank/truth.json',
        'fixtures/reader/two-nps.csv',
        'fixtures/sql/tallies-by-region.csv',
        'fixtures/tags.json',
        // issue 13: a rating column that names no metric, a 0-100 slider read as NPS
        'fixtures/trust/lounge.csv',
        'fixtures/trust/slider.csv',
      ].map((f) => `score ${f}`),
    );
  });

  it('keeps time zones, Sunday weeks, --since/--until and invalid rows (with their lines) of fixtures/responses.csv', async () => {
    const r = await roundTrip('trend', 'fixtures/responses.csv', ['--every', 'week', '--tz', 'Europe/Berlin', '--week-start', 'sunday', '--since', '2026-02-04', '--until', '2026-03-31', '--by', 'plan'], ['json', 'table']);
    expect(JSON.parse(r!.stdout).settings).toMatchObject({ weekStart: 'sunday', since: '2026-02-04', date: { timeZone: 'Europe/Berlin' } });
    const invalid = await roundTrip('score', 'fixtures/reader/invalid.csv', ['--min-n', '1']);
    expect(invalid!.stderr).toContain('invalid.csv:2: column "nps": "eleven" is not a score on 0-10');
  });
});

/** The records of a CSV text (quoted fields may hold line breaks), each as its own text. */
function csvRecords(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === '\n' && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

describe('shards', () => {
  const [header, ...rows] = csvRecords(readFileSync('fixtures/responses.csv', 'utf8'));
  const shards = [0, 1, 2].map((k) => {
    const file = tmpFile('csv');
    writeFileSync(file, `${[header, ...rows.filter((_, i) => i % 3 === k)].join('\n')}\n`);
    return file;
  });

  const compareShards = async (command: string, args: string[]) => {
    const parts: string[] = [];
    for (const shard of shards) {
      const out = tmpFile('csv');
      expect((await runCli([command, shard, ...args, '--emit', 'tallies', '-o', out, '--quiet'])).code).toBe(0);
      parts.push(out);
    }
    for (const format of ['table', 'csv', 'json']) {
      const whole = await runCli([command, 'fixtures/responses.csv', ...args, '--format', format]);
      const merged = await runCli([command, '--tallies', ...parts, ...args, '--format', format]);
      expect(merged.code).toBe(0);
      if (format === 'json') {
        // the only difference: the files read (the three shards, not the whole file)
        const m = JSON.parse(merged.stdout);
        expect(m.input.files).toEqual(shards);
        m.input.files = ['fixtures/responses.csv'];
        expect(m).toEqual(JSON.parse(whole.stdout));
      } else {
        expect(merged.stdout).toBe(whole.stdout);
      }
      expect(merged.stderr.replace(' from 3 files', '')).toBe(whole.stderr);
    }
  };

  it('score: three shards merged equal the whole file', () => compareShards('score', ['--by', 'region,channel', '--min-n', '10']));
  it('crosstab: three shards merged equal the whole file', () => compareShards('crosstab', ['--rows', 'region', '--cols', 'plan', '--ci']));
  it('trend: three shards merged equal the whole file', () => compareShards('trend', ['--every', 'week', '--by', 'region', '--window', '4']));
});

describe('weighted tallies keep the linearized variance (issue 14, defect 4)', () => {
  /** The rows and methods are the same (the settings differ only by the --join the tallies no longer know of). */
  const sameNumbers = (back: string, direct: string, format: string) => {
    if (format === 'csv') return expect(back).toBe(direct);
    const [b, d] = [JSON.parse(back), JSON.parse(direct)];
    expect(b.settings.methods).toEqual({ nps: 'linearized', ...(d.settings.methods.ces ? { ces: d.settings.methods.ces } : {}) });
    expect(b.settings.weight).toEqual(d.settings.weight);
    expect(b.rows).toEqual(d.rows);
  };
  const weighting = ['--join', 'fixtures/customers.csv', '--on', 'email', '--weight', 'revenue'];
  for (const [command, args] of [
    ['score', ['--by', 'region', '--metric', 'nps,ces', '--variance', 'linearized']],
    ['compare', ['--metric', 'nps', '--variance', 'linearized', '--by', 'tier']],
  ] as const) {
    it(`${command} --tallies t.csv --variance linearized prints what the responses print`, async () => {
      const out = tmpFile('csv');
      const counting = [command, 'fixtures/responses.csv'];
      const fromResponses = command === 'compare' ? ['fixtures/compare/2026-q2.csv', 'fixtures/compare/2026-q1.csv'] : ['fixtures/responses.csv'];
      if (command === 'compare') {
        // two weighted tally files, one per side
        const base = tmpFile('csv');
        for (const [file, to] of [['fixtures/compare/2026-q2.csv', out], ['fixtures/compare/2026-q1.csv', base]] as const) {
          const r = await runCli(['score', file, ...weighting, '--by', 'tier', '--emit', 'tallies', '-o', to, '--quiet']);
          expect(r.code, r.stderr).toBe(0);
        }
        for (const format of ['json', 'csv']) {
          const direct = await runCli([command, ...fromResponses, ...weighting, ...args, '--format', format]);
          expect(direct.code, direct.stderr).toBe(0);
          const back = await runCli([command, '--tallies', out, base, ...args, '--format', format]);
          sameNumbers(back.stdout, direct.stdout, format);
        }
        return;
      }
      const emitted = await runCli([...counting, ...weighting, '--by', 'region', '--emit', 'tallies', '-o', out, '--quiet']);
      expect(emitted.code, emitted.stderr).toBe(0);
      for (const format of ['json', 'csv']) {
        const direct = await runCli([command, ...fromResponses, ...weighting, ...args, '--format', format]);
        expect(direct.code, direct.stderr).toBe(0);
        const back = await runCli([command, '--tallies', out, ...args, '--format', format]);
        expect(back.code).toBe(0);
        sameNumbers(back.stdout, direct.stdout, format);
      }
    });
  }

  it('is refused for unweighted tallies, with a hint', async () => {
    const out = tmpFile('csv');
    await runCli(['score', 'fixtures/responses.csv', '--emit', 'tallies', '-o', out, '--quiet']);
    const r = await runCli(['score', '--tallies', out, '--variance', 'linearized']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cxm: --variance linearized needs weighted tallies\nhint: the tally files carry no weights: count them with --weight COLUMN --emit tallies\n');
  });
});

describe('reading tallies counted finer', () => {
  const emit = async (args: string[]) => {
    const out = tmpFile('csv');
    const r = await runCli([...args, '--emit', 'tallies', '-o', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    return out;
  };

  it('a --band outside the scale is refused the same way as when reading responses', async () => {
    const tallies = await emit(['score', 'fixtures/responses.csv']);
    for (const input of [['fixtures/responses.csv'], ['--tallies', tallies]]) {
      const r = await runCli(['score', ...input, '--band', 'csat=4-6']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--band csat=4-6 is not inside the scale 1-5');
    }
  });

  it('sums over group columns the command does not ask for', async () => {
    const tallies = await emit(['score', 'fixtures/responses.csv', '--by', 'region,plan,channel']);
    for (const args of [['score', '--by', 'plan'], ['score'], ['crosstab', '--rows', 'channel', '--cols', 'region'], ['score', '--by', 'channel,region']]) {
      const [command, ...rest] = args;
      const direct = await runCli([command, 'fixtures/responses.csv', ...rest, '--format', 'json']);
      expect(await runCli([command, '--tallies', tallies, ...rest, '--format', 'json'])).toEqual(direct);
    }
  });

  it('rolls days up into weeks, months, quarters and years; months into quarters', async () => {
    const days = await emit(['trend', 'fixtures/responses.csv', '--every', 'day', '--by', 'region']);
    const months = await emit(['trend', 'fixtures/responses.csv', '--every', 'month']);
    for (const [tallies, every, extra] of [
      [days, 'week', ['--by', 'region']],
      [days, 'week', ['--week-start', 'sunday']],
      [days, 'month', []],
      [days, 'year', []],
      [months, 'quarter', []],
    ] as const) {
      const direct = await runCli(['trend', 'fixtures/responses.csv', '--every', every, ...extra, '--format', 'json']);
      expect(await runCli(['trend', '--tallies', tallies, '--every', every, ...extra, '--format', 'json'])).toEqual(direct);
    }
  });

  it('takes --every, --tz and --since from the file when not given', async () => {
    const tallies = await emit(['trend', 'fixtures/responses.csv', '--every', 'month', '--tz', 'Asia/Tokyo', '--since', '2026-02-10']);
    const direct = await runCli(['trend', 'fixtures/responses.csv', '--every', 'month', '--tz', 'Asia/Tokyo', '--since', '2026-02-10']);
    expect(await runCli(['trend', '--tallies', tallies])).toEqual(direct);
  });

  it('re-emits merged tallies: merging is itself a tally file', async () => {
    const a = await emit(['score', 'fixtures/compare/2026-q1.csv', '--by', 'region']);
    const b = await emit(['score', 'fixtures/compare/2026-q2.csv', '--by', 'region']);
    const merged = await emit(['score', '--tallies', a, b, '--by', 'region']);
    const direct = await runCli(['score', 'fixtures/compare/2026-q1.csv', 'fixtures/compare/2026-q2.csv', '--by', 'region', '--format', 'csv']);
    expect(await runCli(['score', '--tallies', merged, '--by', 'region', '--format', 'csv'])).toEqual(direct);
  });

  it('compares two tally files like two exports', async () => {
    const a = await emit(['score', 'fixtures/compare/2026-q2.csv', '--by', 'region']);
    const b = await emit(['score', 'fixtures/compare/2026-q1.csv', '--by', 'region']);
    const direct = await runCli(['compare', 'fixtures/compare/2026-q2.csv', 'fixtures/compare/2026-q1.csv', '--by', 'region', '--format', 'json']);
    expect(await runCli(['compare', '--tallies', a, b, '--by', 'region', '--format', 'json'])).toEqual(direct);
  });

  it('checks thresholds from tallies: one file, two files, and periods from day tallies (with --as-of their --until)', async () => {
    const region = await emit(['score', 'fixtures/responses.csv', '--by', 'region', '--metric', 'nps']);
    const direct = await runCli(['check', 'fixtures/responses.csv', '--min', 'nps=40', '--by', 'region', '--format', 'json']);
    expect(direct.code).toBe(1);
    expect(await runCli(['check', '--tallies', region, '--min', 'nps=40', '--by', 'region', '--format', 'json'])).toEqual(direct);
    const days = await emit(['trend', 'fixtures/responses.csv', '--every', 'day', '--metric', 'nps', '--until', '2026-04-15']);
    const periods = ['--min', 'nps=20', '--max-drop', 'nps=5', '--every', 'month', '--as-of', '2026-04-15', '--format', 'json'];
    expect(await runCli(['check', '--tallies', days, ...periods])).toEqual(await runCli(['check', 'fixtures/responses.csv', ...periods]));
    const r = await runCli(['check', '--tallies', days, ...periods.slice(0, -4), '--as-of', '2026-03-31']);
    expect(r.stderr).toContain('--until 2026-03-31: the tallies in');
  });

  it('reads version 1 files (no answer patterns): fewer metrics than counted keep the counted row counts, with a note', async () => {
    const all = readFileSync(await emit(['score', 'fixtures/responses.csv']), 'utf8');
    const v1 = tmpFile('csv');
    writeFileSync(v1, all.split('\n').filter((line) => !line.includes(',input-pattern,')).join('\n').replace('"version"":2', '"version"":1'));
    const r = await runCli(['score', '--tallies', v1, '--metric', 'nps', '--format', 'csv']);
    expect(r.stdout).toBe((await runCli(['score', 'fixtures/responses.csv', '--metric', 'nps', '--format', 'csv'])).stdout);
    expect(r.stderr).toBe(`read 480 rows: 480 used, 0 skipped (no answer), 0 invalid\n  fixtures/responses.csv: rows read are counted by the tallies' metrics (nps, csat, ces): a row is used when any of them was answered\n`);
    expect(await runCli(['score', '--tallies', v1, '--format', 'csv'])).toEqual(await runCli(['score', 'fixtures/responses.csv', '--format', 'csv']));
    writeFileSync(v1, `${all.replace('"version"":2', '"version"":1')}`);
    expect((await runCli(['score', '--tallies', v1])).stderr).toMatch(/:\d+: input-pattern rows in a version 1 file \(they came with version 2\)\n$/);
  });

  it('changes the band, never the scale', async () => {
    const tallies = await emit(['score', 'fixtures/responses.csv']);
    const direct = await runCli(['score', 'fixtures/responses.csv', '--band', 'csat=5-5', '--format', 'csv']);
    expect(await runCli(['score', '--tallies', tallies, '--band', 'csat=5-5', '--format', 'csv'])).toEqual(direct);
    const r = await runCli(['score', '--tallies', tallies, '--scale', 'ces=1-5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cxm: --scale ces=1-5: the tallies counted CES on 1-7\nhint: a scale is fixed when answers are counted; --band can still change which answers count as a success\n');
  });

  it('reads tallies from standard input', async () => {
    const tallies = await emit(['score', 'fixtures/responses.csv', '--by', 'plan']);
    const direct = await runCli(['score', 'fixtures/responses.csv', '--by', 'plan', '--format', 'csv']);
    expect(await runCli(['score', '--tallies', '-', '--by', 'plan', '--format', 'csv'], { stdin: readFileSync(tallies) })).toEqual(direct);
  });
});

describe('tally errors', () => {
  const run = (args: string[], stdin?: string) => runCli(args, stdin === undefined ? {} : { stdin });
  let tallies = '';
  const setup = async () => {
    if (tallies) return tallies;
    tallies = tmpFile('csv');
    await runCli(['trend', 'fixtures/responses.csv', '--every', 'week', '--by', 'region', '--emit', 'tallies', '-o', tallies, '--quiet']);
    return tallies;
  };

  it('names a group column the tallies do not have', async () => {
    const r = await run(['score', '--tallies', await setup(), '--by', 'plan']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cxm: ${tallies}: --by "plan": the tallies have no group column "plan"\nhint: group columns in the tallies: "region", "period"; count them with --by plan\n`);
  });

  it('refuses periods that do not add up, and settings that differ from the counting', async () => {
    const f = await setup();
    expect((await run(['trend', '--tallies', f, '--every', 'month'])).stderr).toBe(`cxm: --every month: the tallies in ${f} were counted with --every week\nhint: weeks do not add up to months; count by day to trend by any period\n`);
    expect((await run(['trend', '--tallies', f, '--tz', 'Europe/Berlin'])).stderr).toContain('--tz Europe/Berlin: the tallies in');
    expect((await run(['trend', '--tallies', f, '--since', '2026-02-01'])).stderr).toContain('rows outside --since/--until (after check\'s --as-of) are left out while counting');
    const score = await emit(['score', 'fixtures/responses.csv']);
    expect((await run(['trend', '--tallies', score])).stderr).toBe(`cxm: ${score}: the tallies have no period\nhint: count them by period: cxm trend … --emit tallies, or cxm sql --every …\n`);
  });

  it('says what is wrong with a file that is not a tally file, with the line', async () => {
    expect((await run(['score', '--tallies', 'fixtures/responses.csv'])).stderr).toContain('cxm: fixtures/responses.csv: not a tally file: no column "metric", "point"');
    const good = readFileSync(await setup(), 'utf8').split('\n');
    const bad = tmpFile('csv');
    const at = good.findIndex((line) => line.includes(',answers,'));
    writeFileSync(bad, [...good.slice(0, at), good[at].replace(',answers,', ',answer,'), ...good.slice(at + 1)].join('\n'));
    expect((await run(['score', '--tallies', bad])).stderr).toBe(`cxm: ${bad}:${at + 1}: kind "answer" is not a tally row (answers, skipped, invalid, input-…, meta)\n`);
    writeFileSync(bad, [good[0], ...good.slice(2)].join('\n'));
    expect((await run(['score', '--tallies', bad])).stderr).toContain('no meta row (kind "meta"): not a complete tally file');
    // a newer version is named before any row this version does not know
    // a row of a kind this version does not know: count 1, kind input-novelty, whatever the group columns
    const novelty = [...good[0].split(',').slice(0, -7).map(() => ''), '', '', '1', '', '', 'input-novelty', ''].join(',');
    writeFileSync(bad, [...good.map((line) => line.replace('"version"":2', '"version"":3')), novelty].join('\n'));
    expect((await run(['score', '--tallies', bad])).stderr).toBe(`cxm: ${bad}:2: tally format version 3 is newer than this cxm reads (2); upgrade cxm\n`);
    writeFileSync(bad, [...good, novelty].join('\n'));
    expect((await run(['score', '--tallies', bad])).stderr).toBe(`cxm: ${bad}:${good.length + 1}: kind "input-novelty" is not a tally row (answers, skipped, invalid, input-…, meta)\n`);
  });

  it('reads counts and weight sums as decimal numbers only (not hex or binary)', async () => {
    const good = readFileSync(await emit(['score', 'fixtures/responses.csv']), 'utf8').split('\n');
    const at = good.findIndex((line) => line.startsWith('nps,9,'));
    const [count, weight] = good[at].split(',').slice(2, 4);
    const bad = tmpFile('csv');
    const spelled = (c: string, w: string) => {
      writeFileSync(bad, [...good.slice(0, at), good[at].replace(`nps,9,${count},${weight},`, `nps,9,${c},${w},`), ...good.slice(at + 1)].join('\n'));
      return run(['score', '--tallies', bad, '--metric', 'nps', '--format', 'csv']);
    };
    const plain = await spelled(count, weight);
    expect(plain.code).toBe(0);
    // an engine may write a count as 241.0 or 2.41e2: the same file
    expect((await spelled(`${count}.0`, `${weight}e0`)).stdout).toBe(plain.stdout);
    for (const c of ['0x10', '0b11', '1_0', 'Infinity']) {
      const r = await spelled(c, weight);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${bad}:${at + 1}: count ${JSON.stringify(c)} is not a whole number`);
    }
    expect((await spelled(count, '0x10')).stderr).toContain(`${bad}:${at + 1}: weight_sum "0x10" is not a non-negative number`);
  });

  it('refuses files counted differently, and --emit in a human format', async () => {
    const other = await emit(['trend', 'fixtures/responses.csv', '--every', 'month', '--by', 'region']);
    const r = await run(['trend', '--tallies', await setup(), other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cxm: ${other}: the period settings differ from ${tallies}'s`);
    expect((await run(['score', 'fixtures/responses.csv', '--emit', 'tallies', '--format', 'table'])).stderr).toBe('cxm: --emit tallies writes csv or json, not table\nhint: use --format csv (the default) or --format json\n');
    expect((await run(['compare', '--tallies', tallies, '--period', '2026-W05', '--against', '2026-W04'])).code).toBe(2);
  });

  async function emit(args: string[]) {
    const out = tmpFile('csv');
    await runCli([...args, '--emit', 'tallies', '-o', out, '--quiet']);
    return out;
  }
});
