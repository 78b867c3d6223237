// Bundles src/cli.ts into dist/ with esbuild. Commands stay in their own chunks
// (code splitting), so a command's modules load only when it runs.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3'],
  // commander and cli-table3 are CommonJS; their require() calls need a real require in ESM output.
  banner: { js: "import { createRequire as __treatyRequire } from 'node:module'; const require = __treatyRequire(import.meta.url);" },
  define: { __TREATY_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
