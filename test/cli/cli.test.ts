import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const bin = path.resolve('bin/cxm.js');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'cxm-test-'));

/** A seeded shuffle of the data lines of a CSV (the header stays first). */
function shuffledCopy(file: string, seed: number): string {
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split(/\n(?=R_)/);
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  return `${header}\n${lines.join('\n')}\n`;
}

describe('cxm (built binary)', () => {
  it('runs `score` from bin/cxm.js like a user would', () => {
    const out = execFileSync('node', [bin, 'score', 'fixtures/responses.csv', '--by', 'region', '--format', 'csv', '--quiet'], { encoding: 'utf8' });
    expect(out.split('\n')[0]).toMatch(/^metric,region,n,value,lower,upper/);
    expect(out).toContain('nps,EMEA,163,');
  });

  it('prints its version and help, exit 0', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(execFileSync('node', [bin, '--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
    expect(execFileSync('node', [bin, 'score', '--help'], { encoding: 'utf8' })).toContain('--by <columns>');
  });

  it('exits 2 with one line and no stack trace for a user mistake', () => {
    const r = spawnSync('node', [bin, 'score', 'missing.csv'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cxm: missing.csv: no such file\n');
  });

  it('ends quietly with exit 0 when the reader of its output goes away', () => {
    const r = spawnSync('bash', ['-c', `node ${bin} score fixtures/responses.csv --by region,plan,channel --format csv | head -1`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('reads a file split across threads exactly as one thread does', () => {
    const dir = tmp();
    const file = path.join(dir, 'big.csv');
    const [header, ...rest] = readFileSync('fixtures/responses.csv', 'utf8').trimEnd().split('\n');
    writeFileSync(file, `${header}\n${Array.from({ length: 40 }, () => rest.join('\n')).join('\n')}\n`);
    const args = [bin, 'score', file, '--by', 'region', '--format', 'json', '--quiet'];
    const one = execFileSync('node', args, { encoding: 'utf8', env: { ...process.env, CXM_THREADS: '1' } });
    // tiny ranges force many cuts, several inside quoted multi-line comments
    for (const threads of ['2', '3', '7']) {
      const many = execFileSync('node', args, { encoding: 'utf8', env: { ...process.env, CXM_THREADS: threads, CXM_MIN_BYTES_PER_THREAD: '1' } });
      expect(many).toBe(one);
    }
  });

  it('applies a layout\'s row rules in every thread (Qualtrics previews left out wherever the cut falls)', () => {
    const args = [bin, 'score', 'fixtures/exports/qualtrics.csv', '--by', 'Region', '--format', 'json', '--quiet'];
    const one = execFileSync('node', args, { encoding: 'utf8', env: { ...process.env, CXM_THREADS: '1' } });
    expect(JSON.parse(one).input).toMatchObject({ rows: 44, excluded: 4 });
    for (const threads of ['2', '3']) {
      const many = execFileSync('node', args, { encoding: 'utf8', env: { ...process.env, CXM_THREADS: threads, CXM_MIN_BYTES_PER_THREAD: '1' } });
      expect(many).toBe(one);
    }
  });
});

describe('determinism', () => {
  it('gives byte-identical output for the same input twice', async () => {
    const a = await runCli(['score', 'fixtures/responses.csv', '--by', 'region,plan', '--format', 'json']);
    const b = await runCli(['score', 'fixtures/responses.csv', '--by', 'region,plan', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('gives identical results when the rows come in another order', async () => {
    const dir = tmp();
    const shuffled = path.join(dir, 'shuffled.csv');
    writeFileSync(shuffled, shuffledCopy('fixtures/responses.csv', 42));
    const original = await runCli(['score', 'fixtures/responses.csv', '--by', 'channel', '--format', 'csv']);
    const reordered = await runCli(['score', shuffled, '--by', 'channel', '--format', 'csv']);
    expect(reordered.stdout).toBe(original.stdout);
    expect(readFileSync(shuffled, 'utf8')).not.toBe(readFileSync('fixtures/responses.csv', 'utf8'));
  });
});

describe('output file', () => {
  it('writes -o atomically and leaves no temporary file behind', async () => {
    const dir = tmp();
    const out = path.join(dir, 'scores.json');
    const r = await runCli(['score', 'fixtures/responses.csv', '--format', 'json', '-o', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).command).toBe('score');
    expect(readdirSync(dir)).toEqual(['scores.json']);
  });

  it('reports an unwritable output path as an input error', async () => {
    // a missing directory is created now (issue 13), so the unwritable path lies under a file
    const r = await runCli(['score', 'fixtures/responses.csv', '-o', 'fixtures/responses.csv/x.json', '--format', 'json', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cxm: cannot write fixtures\/responses.csv\/x.json: /);
    expect(existsSync('fixtures/responses.csv/x.json')).toBe(false);
  });
});

describe('colour', () => {
  it('colours tables only on a TTY and never with NO_COLOR or a machine format', async () => {
    const tty = await runCli(['score', 'fixtures/responses.csv', '--by', 'region'], { tty: true });
    expect(tty.stdout).toMatch(/\u001b\[/);
    const noColor = await runCli(['score', 'fixtures/responses.csv', '--by', 'region'], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
    const flag = await runCli(['score', 'fixtures/responses.csv', '--by', 'region', '--no-color'], { tty: true });
    expect(flag.stdout).not.toMatch(/\u001b\[/);
    const json = await runCli(['score', 'fixtures/responses.csv', '--format', 'json'], { tty: true });
    expect(json.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('mistyped options and commands', () => {
  it('names the nearest option or command as the hint', async () => {
    const option = await runCli(['score', 'fixtures/responses.csv', '--levle', '0.9']);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe("cxm: unknown option '--levle'\nhint: did you mean --level?\n");
    const command = await runCli(['scor', 'fixtures/responses.csv']);
    expect(command.stderr).toBe("cxm: unknown command 'scor'\nhint: did you mean score?\n");
  });

  it('points to --help when nothing is near', async () => {
    const r = await runCli(['score', 'fixtures/responses.csv', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("cxm: unknown option '--bogus'\nhint: run `cxm --help` or `cxm <command> --help`\n");
  });

  it('refuses a --by column named twice instead of showing every segment twice', async () => {
    for (const command of [['score'], ['drivers'], ['trend', '--every', 'month']]) {
      const r = await runCli([...command, 'fixtures/responses.csv', '--by', 'region,plan', '--by', 'region']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('cxm: --by names the column "region" twice\n');
    }
  });

  it('refuses two names for one column (another case), in --by and in a cross-tab\'s rows and columns', async () => {
    const score = await runCli(['score', 'fixtures/responses.csv', '--by', 'region,REGION']);
    expect(score.code).toBe(2);
    expect(score.stdout).toBe('');
    expect(score.stderr).toBe('cxm: the column "region" is named twice to group by (as "region" and "REGION")\n');
    const crosstab = await runCli(['crosstab', 'fixtures/responses.csv', '--rows', 'region', '--cols', 'Region']);
    expect(crosstab.code).toBe(2);
    expect(crosstab.stderr).toBe('cxm: the column "region" is named twice to group by (as "region" and "Region")\n');
  });
});
