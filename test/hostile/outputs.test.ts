/**
 * Outputs that never clobber or truncate: `-o` onto a device, a FIFO, `/dev/stdout` or a symlink writes
 * into it instead of replacing it; a write that fails part-way (a full disk, simulated with a file-size
 * limit) is exit 2 in words, never a short file with exit 0; the temporary file cannot be redirected by a
 * planted symlink; an existing output keeps its mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { writeOutput } from '../../src/io/write-output.js';

const bin = path.resolve('bin/cxm.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxm-outputs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const data = path.join(dir, 'answers.csv');
fs.writeFileSync(data, `id,nps\n${Array.from({ length: 3000 }, (_, i) => `r${i},${i % 11}`).join('\n')}\n`);
/** the whole CSV `cxm score answers.csv --by id` writes: about 250 KB */
const expected = spawnSync(process.execPath, [bin, 'score', data, '--by', 'id', '--format', 'csv', '--quiet'], { encoding: 'utf8' }).stdout;
const score = `node ${bin} score ${data} --by id --format csv --quiet`;

const sh = (script: string) => spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });

describe('-o onto something that is not a regular file is written into, not replaced', () => {
  it('a FIFO: the reader gets every byte, the FIFO stays a FIFO', async () => {
    const fifo = path.join(dir, 'pipe');
    fs.rmSync(fifo, { force: true });
    expect(sh(`mkfifo ${fifo}`).status).toBe(0);
    // the reader writes to a file: this process waits in spawnSync and could not drain a pipe
    const reader = spawn('bash', ['-c', 'cat pipe > got.csv'], { cwd: dir, stdio: 'ignore' });
    const ended = new Promise((resolve) => reader.on('close', resolve));
    const r = sh(`${score} -o ${fifo}`);
    if (r.status !== 0 || !fs.lstatSync(fifo).isFIFO()) reader.kill(); // it would wait for a writer forever
    await ended;
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'got.csv'), 'utf8')).toBe(expected);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a character device stays a device', () => {
    const device = path.join(dir, 'null-device');
    fs.rmSync(device, { force: true });
    expect(sh(`mknod ${device} c 1 3 || ln -s /dev/null ${device}`).status).toBe(0); // mknod needs root
    const r = sh(`${score} -o ${device}`);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.statSync(device).isCharacterDevice()).toBe(true);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('/dev/stdout writes to standard output as it is: a pipe, or a file opened for appending', () => {
    const piped = sh(`${score} -o /dev/stdout | cat`);
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stdout).toBe(expected);
    fs.writeFileSync(path.join(dir, 'log.csv'), 'earlier\n');
    const appended = sh(`${score} -o /dev/stdout >> log.csv`);
    expect(appended.status, appended.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'log.csv'), 'utf8')).toBe(`earlier\n${expected}`);
  });

  it('a symlink is written through: the link stays, its target gets the output', () => {
    fs.writeFileSync(path.join(dir, 'real.csv'), 'old\n');
    fs.rmSync(path.join(dir, 'link.csv'), { force: true });
    fs.symlinkSync('real.csv', path.join(dir, 'link.csv'));
    const r = sh(`${score} -o link.csv`);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real.csv'), 'utf8')).toBe(expected);
  });
});

describe('a write that fails part-way is exit 2, never a short output with exit 0', () => {
  // a file-size limit makes the kernel accept part of a write and refuse the rest, as a full disk does
  const limited = (command: string) => sh(`trap '' XFSZ; ulimit -f 100; ${command}`);

  it('standard output redirected to a file', () => {
    const r = limited(`${score} > short.csv`);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cxm: cannot write standard output: file too large\n');
  });

  it('-o: the error, and an older file left as it was', () => {
    fs.writeFileSync(path.join(dir, 'kept.csv'), 'last week\n');
    const r = limited(`${score} -o kept.csv`);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cxm: cannot write kept.csv: file too large\n');
    expect(fs.readFileSync(path.join(dir, 'kept.csv'), 'utf8')).toBe('last week\n');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('standard output on /dev/full: no space left on device', () => {
    const r = sh(`${score} > /dev/full`);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cxm: cannot write standard output: no space left on device\n');
  });
});

describe('the temporary file cannot be redirected', () => {
  it('a symlink planted at a predictable name (pid and clock) is not followed', async () => {
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious\n');
    vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
    const target = path.join(dir, 'report.csv');
    fs.symlinkSync(victim, path.join(dir, `.report.csv.${process.pid}.${(1_800_000_000_000).toString(36)}.tmp`));
    await writeOutput(target, 'a,b\n');
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(fs.readFileSync(target, 'utf8')).toBe('a,b\n');
  });

  it('even at the very name chosen, the temporary file is created exclusively, mode 600', async () => {
    const victim = path.join(dir, 'victim2.txt');
    fs.writeFileSync(victim, 'precious\n');
    const fixed = Buffer.from('0123456789abcdef', 'hex');
    vi.spyOn(crypto, 'randomBytes').mockImplementation((() => fixed) as never);
    const target = path.join(dir, 'report2.csv');
    fs.symlinkSync(victim, path.join(dir, `.report2.csv.${fixed.toString('hex')}.tmp`));
    await expect(writeOutput(target, 'a,b\n')).rejects.toThrow(/^cannot write .*report2\.csv: /);
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('permissions', () => {
  it('an existing output keeps its mode: a private call-back list stays private', () => {
    const list = path.join(dir, 'list.csv');
    fs.writeFileSync(list, 'old\n');
    fs.chmodSync(list, 0o600);
    const r = sh(`umask 022; ${score} -o list.csv`);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.statSync(list).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(list, 'utf8')).toBe(expected);
  });

  it('a new output gets the umask', () => {
    const r = sh(`umask 027; ${score} -o fresh.csv`);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.statSync(path.join(dir, 'fresh.csv')).mode & 0o777).toBe(0o640);
  });
});
