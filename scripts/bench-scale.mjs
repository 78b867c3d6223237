// npm run bench:scale: a synthetic database the size of every treaty deposited with the UN
// Secretary-General (600 treaties, up to 200 participants each, about 400,000 actions), and the
// figures that must stay interactive at that size, each beside its target.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paired, report } from './bench.mjs';

const TREATIES = Number(process.env.BENCH_TREATIES ?? 600);
const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin', 'treaty.js');
const work = mkdtempSync(join(tmpdir(), 'treaty-scale-'));
const data = join(work, 'data');
mkdirSync(join(data, 'treaties'), { recursive: true });
copyFileSync(join(root, 'data', 'participants.csv'), join(data, 'participants.csv'));

// A fixed pseudo-random sequence, so every run builds the same data.
let seed = 20261123;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const day = (base, n) => new Date(Date.parse(base) + n * 86_400_000).toISOString().slice(0, 10);

const codes = spawnSync('sh', ['-c', `cut -d, -f1 "${join(data, 'participants.csv')}" | tail -n +2`], { encoding: 'utf8' }).stdout.trim().split('\n');
const lines = ['treaty,code,action,date,reference,source,note'];
for (let t = 1; t <= TREATIES; t++) {
  const id = `SYN-${String(t).padStart(3, '0')}`;
  const opens = day('1950-01-01', Math.floor(random() * 25_000));
  writeFileSync(join(data, 'treaties', `${id}.json`), JSON.stringify({
    id, aliases: [], short_title: `Synthetic treaty ${t}`, title: `Synthetic treaty ${t}, for the scale benchmark`,
    concluded: { place: 'New York', date: opens },
    depositary: { name: 'Secretary-General of the United Nations', reference: id, url: 'https://example.org/' },
    signature: { opens_on: opens, closes_on: null, text: 'Synthetic.', source: 'https://example.org/' },
    actions: ['signature', 'ratification', 'acceptance', 'approval', 'accession', 'declaration', 'denunciation'],
    rule: { threshold: 20 + Math.floor(random() * 40), counted_actions: ['ratification', 'acceptance', 'approval', 'accession'], excluded_kinds: ['reio'], group_condition: null,
      delay: { days: 90 }, later: { delay: { days: 30 }, not_before_entry_into_force: true }, denunciation: { delay: { years: 1 } }, text: 'Synthetic.', source: 'https://example.org/' },
    snapshot: { date: '2026-11-23', signatories: null, parties: null, source: 'https://example.org/' },
  }));
  const count = 150 + Math.floor(random() * 51);
  const chosen = [...codes].sort(() => random() - 0.5).slice(0, count);
  for (const code of chosen) {
    // Realistic patterns: signatures bunch in the first year, consents follow over years, declarations after.
    const signed = day(opens, Math.floor(random() ** 3 * 365));
    if (random() < 0.9) lines.push(`${id},${code},signature,${signed},,https://example.org/${id}/${code},`);
    const consent = day(signed, 100 + Math.floor(random() * 3000));
    if (random() < 0.8) lines.push(`${id},${code},${random() < 0.8 ? 'ratification' : 'accession'},${consent},C.N.${Math.floor(random() * 999)}.TREATIES,https://example.org/${id}/${code},`);
    const notes = Math.floor(random() * 5);
    for (let n = 0; n < notes; n++) lines.push(`${id},${code},declaration,${day(consent, 1 + n * 40)},,https://example.org/${id}/${code}/d${n},"declaration ${n + 1}, synthetic"`);
  }
}
const file = join(work, 'all.csv');
writeFileSync(file, `${lines.join('\n')}\n`);
const actions = lines.length - 1;
console.log(`synthetic data: ${TREATIES} treaties, ${actions} actions (${work})`);

const env = { PATH: process.env.PATH, HOME: work, TREATY_DB: join(work, 'scale.db'), TREATY_DATA_DIR: data, TZ: 'UTC' };
const timed = (args) => {
  const time = existsSync('/usr/bin/time');
  const start = process.hrtime.bigint();
  const r = time
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`treaty ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const peakMb = time ? Number(r.stderr.trim().split('\n').at(-1)) / 1024 : null;
  return { seconds, peakMb };
};

timed(['status', '--treaty', 'SYN-001']); // creates the database with the 600 definitions
const imported = timed(['import', file]);
const exported = timed(['export', '--all-treaties', '--csv']);
const checks = [
  { name: `import ${actions} actions`, value: imported.seconds, unit: 's', target: 5 },
  { name: 'export --all-treaties --csv', value: exported.seconds, unit: 's', target: 2 },
  { name: 'export peak memory', value: exported.peakMb, unit: 'MB', target: 200 },
];
console.log(checks.map((c) => `${c.name.padEnd(34)} ${c.value === null ? 'n/a' : `${c.value.toFixed(2)} ${c.unit}`}  target ≤${c.target} ${c.unit}  ${c.value !== null && c.value <= c.target ? 'yes' : 'NO'}`).join('\n'));

const one = `SYN-${String(Math.ceil(TREATIES / 2)).padStart(3, '0')}`;
const rows = [
  { name: `status (${one})`, target: 1.5, ...paired(['status', '--treaty', one, '--as-of', '2026-11-23'], 15, env) },
  { name: `participants --csv (${one})`, target: 1.5, ...paired(['participants', '--treaty', one, '--csv', '--as-of', '2026-11-23'], 15, env) },
  { name: `history VNM (${one})`, target: 1.5, ...paired(['history', 'VNM', '--treaty', one, '--as-of', '2026-11-23'], 15, env) },
];
report(`reads on a ${actions}-action database, median of 15 pairs against node -e 0`, rows, 'scale.json');
writeFileSync(join(root, 'bench', 'results', 'scale-io.json'), `${JSON.stringify({ actions, checks }, null, 2)}\n`);
