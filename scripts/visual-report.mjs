// `npm run test:visual`: renders example HTML reports in headless Chromium and checks that the pages
// drew (a blank or broken page compresses to a few kilobytes). Not part of `npm test`: it needs a
// browser (Debian: `apt-get install -y chromium`). Look at the PNGs it prints before changing the
// report's layout.
// Usage: npm run test:visual [-- --out DIR]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(os.tmpdir(), 'cxm-visual');
mkdirSync(out, { recursive: true });

const browser = [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome'].find(
  (name) => name && spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0,
);
if (!browser) {
  console.error('test:visual needs Chromium: apt-get install -y chromium (or set CHROMIUM=/path/to/chrome)');
  process.exit(1);
}

const cases = [
  { name: 'weekly-by-plan', args: ['fixtures/responses.csv', '--every', 'week', '--as-of', '2026-06-28', '--by', 'plan'], size: [1200, 3600] },
  { name: 'monthly-by-region', args: ['fixtures/responses.csv', '--every', 'month', '--by', 'region,channel', '--title', 'Monthly CX report'], size: [1200, 5200] },
  { name: 'narrow-phone', args: ['fixtures/responses.csv', '--every', 'month', '--metric', 'nps'], size: [420, 2400] },
];

let failed = 0;
for (const c of cases) {
  const html = path.join(out, `${c.name}.html`);
  const png = path.join(out, `${c.name}.png`);
  execFileSync('node', [path.join(root, 'bin/cxm.js'), 'report', ...c.args, '--format', 'html', '-o', html, '--quiet'], { cwd: root });
  const result = spawnSync(
    browser,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${mkdtempSync(path.join(os.tmpdir(), 'cxm-chromium-'))}`,
      `--screenshot=${png}`,
      `--window-size=${c.size.join(',')}`,
      `file://${html}`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  const bytes = result.status === 0 ? statSync(png).size : 0;
  const header = bytes ? readFileSync(png).subarray(0, 24) : Buffer.alloc(24);
  const width = header.readUInt32BE(16);
  const height = header.readUInt32BE(20);
  const ok = bytes > 40_000 && header.subarray(1, 4).toString() === 'PNG' && width === c.size[0] && height === c.size[1];
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${c.name}: ${png} (${width}×${height}, ${Math.round(bytes / 1024)} KB)`);
}
console.log(`${cases.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
