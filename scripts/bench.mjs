// npm run bench: start-up of the built CLI, paired against a bare `node -e 0` run in turn with it
// (A B A B ...), the ratio taken pair by pair and the median reported. No timing is asserted in tests;
// this prints the figures beside their targets and writes them to bench/results/startup.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 21);
const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin', 'treaty.js');
const home = mkdtempSync(join(tmpdir(), 'treaty-bench-'));
const env = { PATH: process.env.PATH, HOME: home, TREATY_DB: join(home, 'treaty.db'), TZ: 'UTC' };

// Targets of issue 15: status within 1.75x of a bare node, every read command within 2x.
const AS_OF = ['--as-of', '2026-11-23'];
const CASES = [
  { name: 'status', args: ['status', ...AS_OF], target: 1.75 },
  { name: 'status --json', args: ['status', '--json', ...AS_OF], target: 2.0 },
  { name: 'participants --csv', args: ['participants', '--csv', ...AS_OF], target: 2.0 },
  { name: 'history "Viet Nam"', args: ['history', 'Viet Nam', ...AS_OF], target: 2.0 },
  { name: 'export --csv', args: ['export', '--csv', ...AS_OF], target: 2.0 },
  { name: 'treaties', args: ['treaties', ...AS_OF], target: 2.0 },
  { name: 'compare hanoi budapest', args: ['compare', 'hanoi', 'budapest', ...AS_OF], target: 2.0 },
  { name: 'explain', args: ['explain', ...AS_OF], target: 2.0 },
  { name: 'timeline --json', args: ['timeline', '--json', ...AS_OF], target: 2.0 },
  { name: 'pace', args: ['pace', ...AS_OF], target: 2.0 },
  { name: '--help', args: ['--help'], target: 2.0 },
];

function time(args, extraEnv = env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: extraEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function paired(args, pairs = PAIRS, extraEnv = env) {
  time([bin, ...args], extraEnv); // warm the file cache and create the database
  const base = [];
  const run = [];
  const ratios = [];
  for (let i = 0; i < pairs; i++) {
    const a = time(['-e', '0'], extraEnv);
    const b = time([bin, ...args], extraEnv);
    base.push(a);
    run.push(b);
    ratios.push(b / a);
  }
  return { node_ms: median(base), treaty_ms: median(run), ratio: median(ratios), pairs };
}

export function report(title, rows, file) {
  const out = [title, `${'case'.padEnd(28)} ${'node -e 0'.padStart(10)} ${'treaty'.padStart(10)} ${'ratio'.padStart(7)} ${'target'.padStart(7)}  ok`];
  for (const r of rows) {
    out.push(`${r.name.padEnd(28)} ${`${r.node_ms.toFixed(1)} ms`.padStart(10)} ${`${r.treaty_ms.toFixed(1)} ms`.padStart(10)} ${r.ratio.toFixed(2).padStart(7)} ${`≤${r.target}`.padStart(7)}  ${r.ratio <= r.target ? 'yes' : 'NO'}`);
  }
  console.log(out.join('\n'));
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, platform: process.platform };
  writeFileSync(join(root, 'bench', 'results', file), `${JSON.stringify({ at: new Date().toISOString(), machine, rows }, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = CASES.map((c) => ({ name: c.name, target: c.target, ...paired(c.args) }));
  report(`start-up, median of ${PAIRS} pairs against node -e 0`, rows, 'startup.json');
}
