// Bundles cxm for start-up speed: one ES module per entry plus shared chunks, dependencies included,
// so `cxm --version` loads little and each command loads only what it uses (dynamic imports).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cxm: 'src/cli/main.ts', 'fold-worker': 'src/fold/fold-worker.ts' },
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
