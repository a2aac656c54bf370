// `npm run fuzz [-- --seed N] [-- --scale N]`: the property and mutation tests (test/properties) with
// many more cases than the normal test run (20× by default) and a new seed each time unless given.
// The seed is printed first; a failure prints fast-check's seed, path and shrunk counterexample, and
// `npm run fuzz -- --seed N` replays it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const seed = option('seed') ?? String(Math.floor(Math.random() * 2 ** 31));
const scale = option('scale') ?? '20';
if (!/^\d+$/.test(seed) || !/^\d+(\.\d+)?$/.test(scale)) {
  console.error('usage: npm run fuzz -- [--seed N] [--scale N]');
  process.exit(2);
}
console.log(`fuzz: seed ${seed}, ${scale}× the normal number of cases (replay: npm run fuzz -- --seed ${seed} --scale ${scale})`);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const r = spawnSync(process.execPath, [vitest, 'run', 'test/properties'], {
  stdio: 'inherit',
  env: { ...process.env, CXM_FUZZ_SEED: seed, CXM_FUZZ_SCALE: scale },
});
if (r.status !== 0) console.log(`fuzz: failed with seed ${seed} (replay: npm run fuzz -- --seed ${seed} --scale ${scale})`);
process.exit(r.status ?? 1);
