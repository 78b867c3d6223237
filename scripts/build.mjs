// Bundles src/ into dist/ with esbuild, as CommonJS: Node starts CommonJS faster than ES modules.
// esbuild cannot split CommonJS, so each module that is loaded lazily (a command, the renderer, the
// seeding code with zod) is an entry point of its own, and imports of it stay `require`s of its file:
// a command loads only its own bundle. errors.ts is shared, so `instanceof UserError` holds across them.
import { build } from 'esbuild';
import { readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const src = join(root, 'src');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// Every module some code loads with `await import(...)`, plus the shared errors module.
// reference.ts: the README's tables, for scripts/readme.mjs.
const lazy = new Set([join(src, 'cli.ts'), join(src, 'errors.ts'), join(src, 'reference.ts')]);
for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
  const text = readFileSync(join(src, file), 'utf8');
  for (const m of text.matchAll(/import\('(\.{1,2}\/[^']+)\.js'\)/g)) lazy.add(resolve(dirname(join(src, file)), `${m[1]}.ts`));
}

// Flat names (commands-status.cjs), so that a require reads the same from any bundle it ends up in.
const bundleName = (source) => relative(src, source).replace(/\.ts$/, '').replace(/[\\/]/g, '-');

/** Imports of another entry point stay requires of its bundle; everything else is bundled in. */
const splitAtEntries = {
  name: 'split-at-entries',
  setup(b) {
    b.onResolve({ filter: /^\.{1,2}\// }, (args) => {
      const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      if (!lazy.has(target) || target === args.importer) return undefined;
      return { path: `./${bundleName(target)}.cjs`, external: true };
    });
  },
};

/**
 * commander requires node:child_process at load, for executable subcommands we never use; loading it
 * costs about 7 ms of every start. Inside commander it becomes a stand-in that loads it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (args.importer.includes(`${join('node_modules', 'commander')}`) ? { path: 'lazy-child-process', namespace: 'treaty' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'treaty' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

/**
 * The bundles are built in a folder of their own and renamed into place: a `treaty` run meanwhile
 * writes its V8 code cache into dist/v8-cache, and removing dist/ in place then failed with ENOTEMPTY
 * (and left the run without its bundles for the whole build). Now a run sees the old dist/ or the new
 * one, except for the instant between two renames.
 */
const dist = join(root, 'dist');
const next = join(root, `dist.next-${process.pid}`);
const old = join(root, `dist.old-${process.pid}`);
const remove = (dir) => rmSync(dir, { recursive: true, force: true, maxRetries: 10 });
remove(next);
try {
  await bundle(next);
  // A run between the two renames may make dist/v8-cache again (mkdir -p): moved aside, and tried again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      renameSync(dist, `${old}-${attempt}`);
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
    try {
      renameSync(next, dist);
      break;
    } catch (e) {
      if (!['ENOTEMPTY', 'EEXIST', 'EPERM'].includes(e.code) || attempt === 10) throw e;
    }
  }
} finally {
  remove(next);
  for (const f of readdirSync(root).filter((name) => name.startsWith(`dist.old-${process.pid}-`))) {
    try {
      remove(join(root, f));
    } catch (e) {
      // The new bundles are in place; a folder left over is only disk space (and ignored by git).
      console.warn(`build: could not remove ${f}: ${e.message}`);
    }
  }
}

async function bundle(outdir) {
  await build({
    entryPoints: Object.fromEntries([...lazy].map((file) => [bundleName(file), file])),
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // better-sqlite3's JavaScript is bundled too, into store-driver.cjs (its dozen files cost start-up); its
    // compiled addon is loaded by path. `bindings` searches for the addon only when it is not where npm
    // builds it, and must then run from better-sqlite3's folder (src/store/driver.ts), so it stays outside.
    external: ['*.node', 'bindings'],
    plugins: [splitAtEntries, lazyChildProcess],
    // `await import()` of another bundle becomes a plain require, with no ES module loader involved.
    supported: { 'dynamic-import': false },
    // import.meta.url as a getter: most runs never ask for it, and making a file URL costs each bundle's load.
    define: { __TREATY_VERSION__: JSON.stringify(version), 'import.meta.url': '__treatyModule.url' },
    banner: { js: "const __treatyModule = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
    logLevel: 'warning',
  });
}
