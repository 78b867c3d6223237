// Undo of a large set costs time, not memory: the database works it out a table at a time and the
// rows it lists stream to the output. A generated import of 100,000 rows is undone (and first tried
// with --dry-run) by a spawned CLI under an address-space cap, as import-memory.test.ts does.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dump } from '../helpers/db-dump.js';
import { BIN, ROOT, type CliRun } from '../helpers/run-cli.js';
import { envWithDb } from '../helpers/seeded-db.js';

const PEAK_RSS = join(ROOT, 'test', 'helpers', 'peak-rss.cjs');
const HAS_PRLIMIT = spawnSync('prlimit', ['--version']).status === 0;
/** As in import-memory.test.ts: room for Node's reserved address space and the target, no more than twice it. */
const ADDRESS_SPACE_MB = 1600;
const TARGET_MB = 300;
const ROWS = 100_000;

function measured(args: string[], env: Record<string, string>): Promise<CliRun & { peakMb: number; lines: number; lastLine: string }> {
  const rssFile = join(env.HOME!, 'rss');
  return new Promise((done, fail) => {
    const child = spawn('prlimit', [`--as=${ADDRESS_SPACE_MB * 1024 * 1024}`, process.execPath, '--require', PEAK_RSS, BIN, ...args], {
      env: { ...env, TREATY_TEST_RSS_FILE: rssFile },
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The output is counted, not kept: this process holding 100,000 rows would not measure the child.
    let lines = 0;
    let tail = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      for (const byte of b) if (byte === 10) lines += 1;
      tail = (tail + b.toString('utf8')).slice(-4096);
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout: '', stderr, lines, lastLine: tail.trimEnd().split('\n').at(-1) ?? '', peakMb: Number(readFileSync(rssFile, 'utf8')) / 1024 }));
  });
}

const day = (n: number) => new Date(Date.parse('2025-11-01') + n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!HAS_PRLIMIT)('treaty undo of a large set under a memory cap', () => {
  it('undoes a 100,000-row import within the memory target, leaving the database as before it', async () => {
    const env = envWithDb();
    const before = dump(env.TREATY_DB!);
    const codes = readFileSync(join(ROOT, 'data', 'participants.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
    const lines = ['treaty,code,action,date,reference,source,note'];
    for (let n = 0; lines.length <= ROWS; n++) for (const code of codes) if (lines.length <= ROWS) lines.push(`XVIII-16,${code},declaration,${day(n)},C.N.${n}.2026.TREATIES,https://example.org/${code}/${n},"declaration ${n}, generated"`);
    const file = join(env.HOME!, 'large.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const imported = spawnSync(process.execPath, [BIN, 'import', file], { env, cwd: ROOT, encoding: 'utf8' });
    expect(imported.stderr).toMatch(/: 100000 added, 0 changed, 0 removed, 0 unchanged$/m);
    const sets = JSON.parse(spawnSync(process.execPath, [BIN, 'changes', '--json'], { env, cwd: ROOT, encoding: 'utf8' }).stdout) as { id: number; command: string }[];
    const set = sets.at(-1)!.id;

    // A dry run lists every row it would remove, streamed, and changes nothing.
    const dry = await measured(['undo', String(set), '--dry-run', '--csv'], env);
    expect(dry.stderr).toMatch(new RegExp(`^would undo set ${set} \\(treaty import .*large\\.csv\\): 0 added, 0 changed, ${ROWS} removed\\n$`));
    expect(dry.code).toBe(0);
    expect(dry.lines).toBe(1 + ROWS);
    // set, table, key, before, after: the row as it is, and nothing after.
    expect(dry.lastLine).toMatch(new RegExp(`^${set + 1},actions,XVIII-16\\|[A-Z]{3}\\|declaration\\|[-\\d]+,".*""action"":""declaration"".*",$`));
    expect(dry.peakMb).toBeLessThanOrEqual(TARGET_MB);

    const undone = await measured(['undo', String(set), '--csv'], env);
    expect(undone.stderr).toMatch(new RegExp(`^undid set ${set} \\(treaty import .*large\\.csv\\) as set ${set + 1}: 0 added, 0 changed, ${ROWS} removed\\n$`));
    expect(undone.code).toBe(0);
    // One line a row: every row the undo removed is listed.
    expect(undone.lines).toBe(1 + ROWS);
    expect(undone.lastLine).toBe(dry.lastLine);
    expect(undone.peakMb).toBeLessThanOrEqual(TARGET_MB);
    expect(dump(env.TREATY_DB!)).toEqual(before);

    // The change log lists the rows of both sets the same way, streamed too.
    const rows = await measured(['changes', '--rows', '--csv'], env);
    expect(rows.code).toBe(0);
    expect(rows.lines).toBe(1 + 2 * ROWS);
    expect(rows.peakMb).toBeLessThanOrEqual(TARGET_MB);
  });
});
