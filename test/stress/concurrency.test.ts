// Processes write at once: every write lands, none is lost, the file stays sound; on an existing
// database and on first use, when none exists yet and each writer would create it.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { cleanEnv, runCli, runCliAsync } from '../helpers/run-cli.js';
import { addDays } from '../../src/domain/dates.js';

const WORKERS = 8;
const EACH = 50;
const CODES = ['VNM', 'QAT', 'AZE', 'FRA', 'BRA', 'ZAF', 'CHN', 'GHA'];

describe('concurrent writers', () => {
  it(`${WORKERS} processes recording ${EACH} actions each all land`, async () => {
    const env = cleanEnv();
    expect(runCli(['status'], env).code).toBe(0);
    const worker = async (w: number) => {
      const results = [];
      for (let i = 0; i < EACH; i++) {
        results.push(await runCliAsync(['record', CODES[w]!, 'declaration', addDays('2026-01-01', i), '--source', `https://example.org/w${w}/${i}`], env));
      }
      return results;
    };
    const all = (await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)))).flat();
    const failed = all.filter((r) => r.code !== 0);
    expect(failed.map((r) => r.stderr)).toEqual([]);

    const db = new Database(env.TREATY_DB!, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare("SELECT count(*) AS n FROM actions WHERE action = 'declaration'").get() as { n: number }).n).toBe(WORKERS * EACH);
    expect((db.prepare("SELECT count(*) AS n FROM change_sets WHERE command LIKE 'treaty record %' AND added = 1").get() as { n: number }).n).toBe(WORKERS * EACH);
    db.close();
  }, 300_000);

  // Each writer finds no database and would build one; before issue 14 one file was placed and the
  // others deleted with their writes (1 of 8 stored, every round).
  it.each([
    [8, 12],
    [2, 25],
  ])('%i concurrent first writers: every write is stored, in each of %i rounds', async (writers, rounds) => {
    for (let round = 0; round < rounds; round++) {
      const env = cleanEnv();
      const results = await Promise.all(
        Array.from({ length: writers }, (_, w) =>
          runCliAsync(['record', CODES[w]!, 'declaration', addDays('2026-01-01', round), '--source', `https://example.org/first/${round}/${w}`], env),
        ),
      );
      expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
      const db = new Database(env.TREATY_DB!, { readonly: true });
      const stored = (db.prepare("SELECT count(*) AS n FROM actions WHERE action = 'declaration'").get() as { n: number }).n;
      db.close();
      expect({ round, stored }).toEqual({ round, stored: writers });
      // Nothing beside the database: no lock, no temporary file.
      expect(readdirSync(dirname(env.TREATY_DB!)).filter((f) => f.startsWith('.'))).toEqual([]);
    }
  }, 300_000);
});
