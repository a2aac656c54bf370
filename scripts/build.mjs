// Bundles cxm for start-up speed: one ES module per entry plus shared chunks, dependencies included,
// so `cxm --version` loads little and each command loads only what it uses (dynamic imports). The
// library entry (`import … from 'cxm'`, src/api/index.ts) shares the chunks; its TypeScript
// declarations come from tsc (tsconfig.types.json), since esbuild writes none.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cxm: 'src/cli/main.ts', api: 'src/api/index.ts', 'fold-worker': 'src/fold/fold-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunk-[hash]',
  // bundled CommonJS dependencies (cli-table3) call require()
  banner: { js: "import { createRequire as __cxmRequire } from 'node:module'; const require = __cxmRequire(import.meta.url);" },
  logLevel: 'warning',
});

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { cwd: new URL('..', import.meta.url), stdio: 'inherit' });
