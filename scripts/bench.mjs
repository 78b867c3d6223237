// npm run bench: start-up of the built CLI, paired against a bare `node -e 0` run in turn with it
// (A B A B ...), the ratio taken pair by pair and the median reported. No timing is asserted in tests;
// this prints the figures beside their targets and writes them to bench/results/startup.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * CPU time (user + system) of the children waited for so far, in ms, where Linux says it: on a
 * machine shared with other work, wall time swings with the load and CPU time much less.
 */
function childCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime, in ticks of 10 ms
  } catch {
    return NaN;
  }
}

function time(args, extraEnv = env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: extraEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function paired(args, pairs = PAIRS, extraEnv = env) {
  time([bin, ...args], extraEnv); // warm the file cache and create the database
  const base = [];
  const run = [];
  const ratios = [];
  const cpu = { node: 0, treaty: 0 };
  for (let i = 0; i < pairs; i++) {
    let c = childCpuMs();
    const a = time(['-e', '0'], extraEnv);
    cpu.node += childCpuMs() - c;
    c = childCpuMs();
    const b = time([bin, ...args], extraEnv);
    cpu.treaty += childCpuMs() - c;
    base.push(a);
    run.push(b);
    ratios.push(b / a);
  }
  return { node_ms: median(base), treaty_ms: median(run), ratio: median(ratios), cpu_ratio: cpu.treaty / cpu.node, pairs };
}

export function report(title, rows, file, [floor, measured] = ['node -e 0', 'treaty']) {
  const out = [title, `${'case'.padEnd(28)} ${floor.padStart(10)} ${measured.padStart(10)} ${'ratio'.padStart(7)} ${'target'.padStart(7)}  ok  ${'cpu ratio'.padStart(9)}`];
  for (const r of rows) {
    const cpu = r.cpu_ratio === undefined || Number.isNaN(r.cpu_ratio) ? '' : r.cpu_ratio.toFixed(2);
    out.push(`${r.name.padEnd(28)} ${`${r.node_ms.toFixed(1)} ms`.padStart(10)} ${`${r.treaty_ms.toFixed(1)} ms`.padStart(10)} ${r.ratio.toFixed(2).padStart(7)} ${`≤${r.target}`.padStart(7)}  ${r.ratio <= r.target ? 'yes' : 'NO '}  ${cpu.padStart(9)}`);
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
