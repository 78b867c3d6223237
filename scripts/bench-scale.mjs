// npm run bench:scale: a synthetic database the size of every treaty deposited with the UN
// Secretary-General (600 treaties, up to 200 participants each, about 400,000 actions), and the
// figures that must stay interactive at that size, each beside its target. Times are ratios to a floor
// measured in the same run (sqlite3's own .import of the same CSV; the same read on a database that
// holds only that treaty), so a loaded machine moves both sides. Run it in a clean environment:
// `env -u NODE_EXTRA_CA_CERTS npm run bench:scale`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, report } from './bench.mjs';

const TREATIES = Number(process.env.BENCH_TREATIES ?? 600);
const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin', 'treaty.js');
const work = mkdtempSync(join(tmpdir(), 'treaty-scale-'));
// The CSV and databases take about 200 MB: gone when the script ends, however it ends.
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
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

const SQLITE3 = process.env.SQLITE3 ?? '/usr/bin/sqlite3';
if (!existsSync(SQLITE3)) {
  console.error(`${SQLITE3} not found: the import floor is sqlite3's own .import (install it: apt-get install sqlite3)`);
  process.exit(1);
}
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const envFor = (db, dataDir) => ({ PATH: process.env.PATH, HOME: work, TREATY_DB: db, TREATY_DATA_DIR: dataDir, TZ: 'UTC' });
const env = envFor(join(work, 'scale.db'), data);

/** One run of the CLI: wall time, peak RSS (VmHWM, from /usr/bin/time) and its stderr. */
const timed = (args, runEnv = env) => {
  const start = process.hrtime.bigint();
  const r = TIME
    ? spawnSync(TIME, ['-f', '%M', process.execPath, bin, ...args], { env: runEnv, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, [bin, ...args], { env: runEnv, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`treaty ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const lines = r.stderr.trim().split('\n');
  const peakMb = TIME ? Number(lines.at(-1)) / 1024 : null;
  return { seconds, peakMb, stderr: (TIME ? lines.slice(0, -1) : lines).join('\n') };
};
const sql = (db, script) => {
  const r = spawnSync(SQLITE3, ['-batch', db], { input: script, encoding: 'utf8' });
  if (r.status !== 0 || r.stderr) throw new Error(`sqlite3 ${db}: ${r.stderr}`);
  return r.stdout.trim();
};
const fileSize = (path) => (existsSync(path) ? statSync(path).size : 0);
const dbSize = (db) => fileSize(db) + fileSize(`${db}-wal`);
// Rows written, as the change sets count them.
const changeRows = (db) => Number(sql(db, 'SELECT coalesce(sum(added + changed + removed), 0) FROM change_sets;'));

timed(['status', '--treaty', 'SYN-001']); // creates the database with the 600 definitions
const empty = join(work, 'empty.db');
copyFileSync(env.TREATY_DB, empty);

// The floor: sqlite3's .import of the same CSV into the same schema (a copy of the same empty
// database, WAL and all) with the same indexes, in one transaction and the cheapest way SQLite
// has: into a temporary table (the CSV lacks the id column and writes empty text where the table
// keeps NULL), then into the actions with their two other indexes built after the rows. Since
// schema 7 every row carries the change set that wrote it (set_id): the floor makes its one set
// and stamps the rows with it, as our import does.
const floorDb = join(work, 'floor.db');
const floor = () => {
  copyFileSync(empty, floorDb);
  const start = process.hrtime.bigint();
  sql(floorDb, `BEGIN;
.import --csv --schema temp ${file} staging
DROP INDEX actions_by_participant;
DROP INDEX actions_by_treaty_date;
INSERT INTO change_sets (at, command) VALUES ('2026-11-23T00:00:00.000Z', 'sqlite3 .import');
INSERT INTO actions (treaty, code, action, date, reference, source, note, set_id)
  SELECT treaty, code, action, date, nullif(reference, ''), source, nullif(note, ''), (SELECT max(id) FROM change_sets) FROM temp.staging;
UPDATE change_sets SET added = changes() WHERE id = (SELECT max(id) FROM change_sets);
CREATE INDEX actions_by_participant ON actions (code, treaty, date);
CREATE INDEX actions_by_treaty_date ON actions (treaty, date, code, action);
COMMIT;
`);
  return Number(process.hrtime.bigint() - start) / 1e9;
};

const floorFirst = floor();
const imported = timed(['import', file]);
const writtenBefore = changeRows(env.TREATY_DB);
const floorAgain = floor();
const reimported = timed(['import', file]);
const writtenByReimport = changeRows(env.TREATY_DB) - writtenBefore;
const exported = timed(['export', '--all-treaties', '--csv']);
const floorSeconds = median([floorFirst, floorAgain]);
const floorCount = Number(sql(floorDb, 'SELECT count(*) FROM actions WHERE set_id IS NOT NULL;'));
if (floorCount !== actions) throw new Error(`sqlite3 imported ${floorCount} rows, not ${actions}`);
const csvBytes = statSync(file).size;
const noChange = /^no change from .*: 0 added, 0 changed, 0 removed/m.test(reimported.stderr);

const checks = [
  { name: `import ${actions} actions`, value: imported.seconds / floorSeconds, unit: '× floor', target: 2, detail: `${imported.seconds.toFixed(2)} s; sqlite3 .import ${floorSeconds.toFixed(2)} s` },
  { name: 'database size', value: dbSize(env.TREATY_DB) / csvBytes, unit: '× CSV', target: 3, detail: `${(dbSize(env.TREATY_DB) / 2 ** 20).toFixed(1)} MB; CSV ${(csvBytes / 2 ** 20).toFixed(1)} MB; sqlite3's ${(dbSize(floorDb) / 2 ** 20).toFixed(1)} MB` },
  { name: 'import peak memory', value: imported.peakMb, unit: 'MB', target: 300, detail: 'VmHWM' },
  { name: 're-import (all unchanged)', value: reimported.seconds / floorSeconds, unit: '× floor', target: 2, detail: `${reimported.seconds.toFixed(2)} s; ${writtenByReimport} change rows written${noChange ? '' : '; NOT "no change"'}` },
  { name: 're-import peak memory', value: reimported.peakMb, unit: 'MB', target: 300, detail: 'VmHWM' },
  { name: 'export --all-treaties --csv', value: exported.seconds, unit: 's', target: 2, detail: '' },
  { name: 'export peak memory', value: exported.peakMb, unit: 'MB', target: 200, detail: 'VmHWM' },
];
const pass = (c) => c.value !== null && c.value <= c.target && (c.name !== 're-import (all unchanged)' || (writtenByReimport === 0 && noChange));
console.log(checks.map((c) => `${c.name.padEnd(30)} ${c.value === null ? 'n/a' : `${c.value.toFixed(2)} ${c.unit}`.padEnd(14)} target ≤${c.target} ${c.unit.padEnd(8)} ${pass(c) ? 'yes' : 'NO '}  ${c.detail}`).join('\n'));

// The one-treaty reads of issue 16 item 5: the same treaty in a database that holds only it.
const one = `SYN-${String(Math.ceil(TREATIES / 2)).padStart(3, '0')}`;
const alone = join(work, 'alone');
mkdirSync(join(alone, 'treaties'), { recursive: true });
copyFileSync(join(data, 'participants.csv'), join(alone, 'participants.csv'));
copyFileSync(join(data, 'treaties', `${one}.json`), join(alone, 'treaties', `${one}.json`));
const oneFile = join(work, `${one}.csv`);
writeFileSync(oneFile, `${[lines[0], ...lines.filter((l) => l.startsWith(`${one},`))].join('\n')}\n`);
const aloneEnv = envFor(join(work, 'alone.db'), alone);
timed(['import', oneFile], aloneEnv);

const PAIRS = Number(process.env.BENCH_PAIRS ?? 15);
const run = (args, runEnv) => {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { env: runEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`treaty ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
/** The read on the big database against the same read on the one-treaty database, in turns, median of the pair ratios. */
const againstAlone = (args) => {
  run(args, env);
  run(args, aloneEnv);
  const big = [];
  const small = [];
  const ratios = [];
  for (let i = 0; i < PAIRS; i++) {
    const a = run(args, aloneEnv);
    const b = run(args, env);
    small.push(a);
    big.push(b);
    ratios.push(b / a);
  }
  return { node_ms: median(small), treaty_ms: median(big), ratio: median(ratios), pairs: PAIRS };
};
const AS_OF = ['--as-of', '2026-11-23'];
const rows = [
  { name: `status (${one})`, target: 1.1, ...againstAlone(['status', '--treaty', one, ...AS_OF]) },
  { name: `participants --csv (${one})`, target: 1.1, ...againstAlone(['participants', '--treaty', one, '--csv', ...AS_OF]) },
  { name: `history VNM (${one})`, target: 1.1, ...againstAlone(['history', 'VNM', '--treaty', one, ...AS_OF]) },
];
report(`one-treaty reads on the ${actions}-action database against the same on a database of ${one} alone, median of ${PAIRS} pairs`, rows, 'scale.json', ['alone', `${TREATIES} treaties`]);
writeFileSync(join(root, 'bench', 'results', 'scale-io.json'), `${JSON.stringify({ actions, csv_bytes: csvBytes, floor_seconds: floorSeconds, checks }, null, 2)}\n`);
