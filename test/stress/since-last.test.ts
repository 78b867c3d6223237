// Exactly-once alerts (issue 17, item 1): writers commit while several `changes --since-last` calls
// run, over and over; every set is reported by exactly one call, none twice, none never.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { cleanEnv, runCli, runCliAsync } from '../helpers/run-cli.js';

const WRITERS = 4;
const EACH = 15;
const READERS = 3;
const CODES = ['VNM', 'QAT', 'AZE', 'FRA'];

describe('changes --since-last under concurrent writes', () => {
  it(`reports each of ${WRITERS * EACH} sets exactly once across ${READERS} readers`, async () => {
    const env = cleanEnv();
    expect(runCli(['changes', '--since-last'], env).code).toBe(3); // creates the database, marks the seed as seen
    let writing = true;
    const reported: number[] = [];
    const read = async () => {
      const r = await runCliAsync(['changes', '--since-last', '--json'], env);
      expect([0, 3], r.stderr).toContain(r.code);
      for (const s of JSON.parse(r.stdout) as { id: number }[]) reported.push(s.id);
    };
    const reader = async () => {
      while (writing) await read();
    };
    const writer = async (w: number) => {
      for (let i = 0; i < EACH; i++) {
        const r = await runCliAsync(['record', CODES[w]!, 'declaration', addDays('2026-01-01', i), '--source', `https://example.org/w${w}/${i}`], env);
        expect(r.code, r.stderr).toBe(0);
      }
    };
    const readers = Array.from({ length: READERS }, reader);
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writing = false;
    await Promise.all(readers);
    await read();

    const db = new Database(env.TREATY_DB!, { readonly: true });
    const written = (db.prepare("SELECT id FROM change_sets WHERE command LIKE 'treaty record %' ORDER BY id").all() as { id: number }[]).map((s) => s.id);
    db.close();
    expect(written).toHaveLength(WRITERS * EACH);
    expect([...reported].sort((a, b) => a - b)).toEqual(written);
  });
});
