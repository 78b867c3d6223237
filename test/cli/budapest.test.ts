// The second treaty, served by the same engine: time travel, treaties, compare.
import { describe, expect, it } from 'vitest';
import { runMain as run } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const env = envWithDb();
const json = async (args: string[]) => {
  const r = await run([...args, '--json'], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('the Budapest Convention', () => {
  it('is scheduled for 1 July 2004 on 30 June 2004, and in force on 1 July', async () => {
    expect(await json(['status', '--treaty', 'budapest', '--as-of', '2004-06-30'])).toMatchObject({
      treaty: 'ets185', threshold: 5, threshold_reached_on: '2004-03-18', entry_into_force: { state: 'scheduled', date: '2004-07-01', days_until: 1 },
    });
    expect((await json(['status', '--treaty', 'budapest', '--as-of', '2004-07-01'])).entry_into_force).toEqual({ state: 'in_force', date: '2004-07-01', days_until: null });
    expect((await run(['status', '--treaty', 'budapest', '--as-of', '2004-06-30'], env)).stdout).toContain('scheduled for 1 July 2004, in 1 day');
  });

  it('is pending the day before the fifth consent, with four counted', async () => {
    expect(await json(['status', '--treaty', 'ets185', '--as-of', '2004-03-17'])).toMatchObject({ counted: 4, remaining: 1, entry_into_force: { state: 'pending' } });
  });

  it('has nothing before it opened for signature', async () => {
    expect(await json(['status', '--treaty', 'budapest', '--as-of', '2001-11-22'])).toMatchObject({ signatories: 0, consents: 0, signature: { open: false } });
  });

  it('moves each State from signed to consented to in force', async () => {
    const romania = async (asOf: string) => (await json(['participants', '--treaty', 'budapest', '--as-of', asOf])).find((p: { code: string }) => p.code === 'ROU');
    expect(await romania('2003-01-01')).toMatchObject({ status: 'signed', signed_on: '2001-11-23', consent_on: null });
    expect(await romania('2004-05-12')).toMatchObject({ status: 'consented', consent_on: '2004-05-12', in_force_on: '2004-09-01' });
    expect(await romania('2004-09-01')).toMatchObject({ status: 'in_force' });
  });

  it('shows a party known only from its published date of entry into force', async () => {
    const italy = (await json(['participants', '--treaty', 'budapest', '--as-of', '2026-11-23'])).find((p: { code: string }) => p.code === 'ITA');
    expect(italy).toMatchObject({ signed_on: '2001-11-23', consent_on: null, in_force_on: '2008-10-01', status: 'in_force' });
  });

  it('gives a history across both treaties', async () => {
    const rows = (await json(['history', 'Albania', '--as-of', '2026-11-23'])) as { treaty: string; action: string }[];
    expect(rows.map((r) => `${r.treaty} ${r.action}`)).toEqual(['ets185 signature', 'ets185 ratification']);
    const uk = (await json(['history', 'UK', '--as-of', '2026-11-23'])) as { treaty: string; action: string }[];
    expect(uk.map((r) => `${r.treaty} ${r.action}`)).toEqual(['ets185 signature', 'ets185 ratification', 'XVIII-16 signature']);
  });
});

describe('treaty treaties', () => {
  it('lists both treaties with where each stands', async () => {
    const rows = await json(['treaties', '--as-of', '2026-11-23']);
    expect(rows.map((r: { id: string }) => r.id)).toEqual(['XVIII-16', 'ets185']);
    expect(rows[1]).toMatchObject({ threshold: 5, state: 'in_force', entry_into_force: '2004-07-01' });
    expect(rows[0]).toMatchObject({ threshold: 40, counted: 0, remaining: 40, state: 'pending', entry_into_force: null, data_as_of: '2025-11-16' });
  });

  it('works in the other formats', async () => {
    const csv = (await run(['treaties', '--csv', '--columns', 'id,threshold,state', '--as-of', '2026-11-23'], env)).stdout;
    expect(csv).toBe('id,threshold,state\nXVIII-16,40,pending\nets185,5,in_force\n');
  });
});

describe('treaty compare', () => {
  const compare = async (args: string[]) => (await json(['compare', 'hanoi', 'budapest', '--as-of', '2026-11-23', ...args])) as Record<string, string | null>[];

  it('finds who signed Hanoi but is not party to Budapest, and the reverse', async () => {
    const hanoiOnly = (await compare(['--first-status', 'signed', '--second-status', 'none,signed'])).map((r) => r.code);
    expect(hanoiOnly).toContain('CHN');
    expect(hanoiOnly).not.toContain('FRA');
    const budapestOnly = (await compare(['--first-status', 'none', '--second-status', 'in_force'])).map((r) => r.code);
    expect(budapestOnly).toContain('USA');
    expect(budapestOnly).not.toContain('AUS');
  });

  it('names its status columns after the treaties', async () => {
    const [first] = await compare(['--columns', 'code,XVIII-16,ets185', '--first-status', 'signed', '--second-status', 'in_force']);
    expect(Object.keys(first!)).toEqual(['code', 'XVIII-16', 'ets185']);
  });

  it('rejects an unknown treaty or status', async () => {
    expect(await run(['compare', 'hanoi', 'budapset'], env)).toMatchObject({ code: 1, stderr: 'error: unknown treaty "budapset"\nhint: did you mean "ets185"?\n' });
    expect(await run(['compare', 'hanoi', 'budapest', '--first-status', 'party'], env)).toMatchObject({ code: 2, stderr: 'error: --first-status: expected one of none, signed, consented, in_force, denounced, got "party"\n' });
  });
});
