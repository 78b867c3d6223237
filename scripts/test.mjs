// npm test: the build, then the type check and the tests side by side. The tests spend much of their
// time waiting on the processes they spawn, so on two cores tsc fits in that idle time (about 10 s of
// a run that would otherwise take them one after the other). Either failing fails the run.
import { spawn, spawnSync } from 'node:child_process';

const node = process.execPath;
const build = spawnSync(node, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const run = (name, args) =>
  new Promise((resolve) => {
    // tsc prints only its errors: held until the end so they are not lost among the tests' lines.
    const child = spawn(node, args, { stdio: name === 'tsc' ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), out }));
  });

const results = await Promise.all([
  run('tsc', ['node_modules/typescript/bin/tsc', '--noEmit']),
  run('vitest', ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)]),
]);
let failed = false;
for (const r of results) {
  if (r.out) process.stdout.write(r.out);
  if (r.code !== 0) {
    failed = true;
    console.error(`npm test: ${r.name} failed (exit ${r.code})`);
  }
}
process.exit(failed ? 1 : 0);
