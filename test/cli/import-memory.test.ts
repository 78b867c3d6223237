// An import's memory is bounded by what it keeps, not by the file: a large file and a file with one
// enormous note, each imported by a spawned CLI under an address-space cap (so that a regression
// fails here instead of exhausting the machine), its peak resident memory measured.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FIELD_LENGTH } from '../../src/domain/limits.js';
import { runMeasured } from '../helpers/measured-run.js';
import { ROOT } from '../helpers/run-cli.js';
import { envWithDb } from '../helpers/seeded-db.js';

const HAS_PRLIMIT = spawnSync('prlimit', ['--version']).status === 0;
/** Node reserves most of a gigabyte of address space before it does anything; this leaves room for the target and no more than twice it. */
const ADDRESS_SPACE_MB = 1600;
const TARGET_MB = 300;

const importMeasured = (file: string, env: Record<string, string>) => runMeasured(['import', file], env, { capMb: ADDRESS_SPACE_MB });

const HEADER = 'treaty,code,action,date,reference,source,note';
const codes = () => readFileSync(join(ROOT, 'data', 'participants.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
const day = (n: number) => new Date(Date.parse('2025-11-01') + n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!HAS_PRLIMIT)('treaty import under a memory cap', () => {
  it('imports 100,000 rows within the memory target', async () => {
    const env = envWithDb();
    const file = join(env.HOME!, 'large.csv');
    const all = codes();
    const lines = [HEADER];
    for (let n = 0; lines.length <= 100_000; n++) for (const code of all) if (lines.length <= 100_000) lines.push(`XVIII-16,${code},declaration,${day(n)},C.N.${n}.2026.TREATIES,https://example.org/${code}/${n},"declaration ${n}, generated"`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = await importMeasured(file, env);
    expect(r.stderr).toMatch(/^imported from .*large\.csv: 100000 added, 0 changed, 0 removed, 0 unchanged$/m);
    expect(r.code).toBe(0);
    expect(r.peakMb).toBeLessThanOrEqual(TARGET_MB);
  });

  it('refuses a 100 MB note on its line, reading no further than the limit, and stores nothing', async () => {
    const env = envWithDb();
    const file = join(env.HOME!, 'huge-note.csv');
    const before = statSync(env.TREATY_DB!).mtimeMs;
    const dbBytes = readFileSync(env.TREATY_DB!);
    writeFileSync(file, `${HEADER}\nXVIII-16,VNM,declaration,2025-11-01,,https://example.org/,"${'x'.repeat(100 * 1024 * 1024)}"\n`);
    const r = await importMeasured(file, env);
    expect(r.stderr).toMatch(new RegExp(`^error: .*huge-note\\.csv:2: column "note": \\d[\\d,]+ characters long; the most a field may hold is ${MAX_FIELD_LENGTH.toLocaleString('en')}$`, 'm'));
    expect(r.code).toBe(1);
    expect(r.peakMb).toBeLessThanOrEqual(TARGET_MB);
    expect(statSync(env.TREATY_DB!).mtimeMs).toBe(before);
    expect(readFileSync(env.TREATY_DB!).equals(dbBytes)).toBe(true);
  });
});
