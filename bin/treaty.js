#!/usr/bin/env node
// Tiny on purpose, and CommonJS (bin/package.json says so): Node starts CommonJS faster than an ES
// module, and the CLI itself is CommonJS bundles. Node 20 has no module.enableCompileCache, so the
// bundles are compiled with V8's code cache here (vm.Script cachedData): a cache is written beside
// the bundles after a run that had none, and saves every later run most of its compiling. Any other
// JavaScript loaded from inside the package at run time gets one too.
'use strict';
const Module = require('node:module');
const { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, sep } = require('node:path');
const { Script } = require('node:vm');

const root = join(__dirname, '..');
const cacheDir = join(root, 'dist', 'v8-cache');
const fresh = [];
const compile = Module.prototype._compile;

Module.prototype._compile = function compileWithCache(content, filename) {
  const name = relative(root, filename);
  if (name.startsWith('..') || content.startsWith('#!')) return compile.call(this, content, filename);
  // The cache is V8's, so it is only good for this exact Node.
  const cacheFile = join(cacheDir, `${name.split(sep).join('~')}.${process.version}.${process.arch}.bin`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(content), { filename, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) fresh.push([script, cacheFile, filename, fileIdentity(filename)]);
  const wrapper = script.runInThisContext({ displayErrors: true });
  const mod = this;
  const localRequire = (id) => mod.require(id);
  localRequire.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  localRequire.cache = Module._cache;
  localRequire.main = require.main;
  return wrapper.call(mod.exports, mod.exports, localRequire, mod, filename, dirname(filename));
};

/**
 * Help loads a command's bundle only for its column list, and the launcher's own bundle without the
 * code that runs a command: a cache written then would hold none of the functions a real run needs,
 * and being valid it would never be replaced (a run after `treaty participants --help` cost 8% more
 * CPU, for good). So a help run writes only the cache of commander's bundle, which it did run.
 */
const helpRun = process.argv.slice(2).some((a) => a === '-h' || a === '--help' || a === 'help');
const runByHelp = (cacheFile) => relative(cacheDir, cacheFile).startsWith('dist~options-commander.cjs.');

/** Which file on disk a bundle was: a build run meanwhile puts new files (new inodes) in place. */
function fileIdentity(filename) {
  try {
    const s = statSync(filename);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

/**
 * After the run, so that the functions it compiled lazily are in the cache too. A bundle that a build
 * replaced during the run gets no cache: it would be the old bundle's code, written beside the new one.
 */
function saveCaches() {
  for (const [script, file, bundle, identity] of fresh) {
    if (helpRun && !runByHelp(file)) continue;
    if (identity === null || fileIdentity(bundle) !== identity) continue;
    const temp = `${file}.${process.pid}`;
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, file); // whole, even with another run writing the same cache
    } catch {
      // A read-only install runs without a cache, as before.
      rmSync(temp, { force: true });
    }
  }
}

// `npm run build` replaces dist/ whole; a run in that moment (or before any build) finds no bundle.
const NOT_BUILT = 'treaty is being rebuilt or not built: run npm run build\n';
let cli;
try {
  cli = require('../dist/cli.cjs');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli\.cjs'/.test(e.message)) {
    process.stderr.write(`error: ${NOT_BUILT}`);
    process.exit(1);
  }
  throw e;
}
cli
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
    saveCaches();
  });
