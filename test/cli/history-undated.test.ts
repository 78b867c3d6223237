// A party whose dates no source gives is a party in history's machine formats too (issue 19): a row
// with its consent and a null date, never an empty history that reads as "did nothing".
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const env = envWithDb();

async function historyJson(who: string, asOf = '2026-11-23') {
  const r = await runMain(['history', who, '--treaty', 'budapest', '--as-of', asOf, '--json'], env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>[];
}

describe('history of a party whose dates are unknown', () => {
  it('Serbia: one row, its ratification with a null date and the source that proves it a party', async () => {
    expect(await historyJson('Serbia')).toEqual([
      {
        code: 'SRB', name: 'Serbia', treaty: 'ets185', date: null, action: 'ratification', reference: null,
        source: expect.stringContaining('smtvsanmarino.sm'), note: null, status: 'in_force', in_force_on: null,
        claim: null, precision: null, grade: null,
      },
    ]);
  });

  it('Norway: its dated signature first, then the consent whose date is unknown', async () => {
    const rows = await historyJson('Norway');
    expect(rows.map((r) => [r.date, r.action])).toEqual([['2001-11-23', 'signature'], [null, 'ratification']]);
  });

  it('Cameroon: the published date of entry into force stays on the row, the consent date is null', async () => {
    expect(await historyJson('Cameroon')).toEqual([expect.objectContaining({ date: null, action: 'accession', in_force_on: '2024-04-01', status: 'in_force' })]);
  });

  it('before a source proves it a party, there is no such row', async () => {
    expect(await historyJson('Serbia', '2019-03-07')).toEqual([]);
  });

  it('the table keeps it in the heading, in words, and out of the actions table', async () => {
    const r = await runMain(['history', 'Norway', '--treaty', 'budapest', '--as-of', '2026-11-23'], env);
    expect(r.stdout).toContain('Party; date not found in any source (a source proves it a party by 2011-06-01)');
    expect(r.stdout).toContain('│ signature │');
    expect(r.stdout).not.toContain('ratification');
  });
});
