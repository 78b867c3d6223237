// Issue 16 item 5: a read about one treaty costs that treaty, not the database. status, participants
// and history on one treaty look up its definition, aliases, actions and published dates by key
// (the query plans are in test/store/schema.test.ts); none of them lists every treaty or parses every
// definition, which at 600 treaties is most of a read's time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../../src/store/store.js';
import { mtdsgXml } from '../helpers/mtdsg.js';
import { tempDir } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const AS_OF = ['--as-of', '2026-11-23'];

/** Every Store method that reads all treaties at once. */
function spyOnWholeReads() {
  return { definitions: vi.spyOn(Store.prototype, 'definitions'), treaties: vi.spyOn(Store.prototype, 'treaties') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a read about one treaty reads only that treaty', () => {
  it.each([
    ['status', ['status', '--treaty', 'budapest']],
    ['status --json', ['status', '--json']],
    ['participants', ['participants', '--treaty', 'ets185', '--csv']],
    ['participants --all', ['participants', '--all', '--json']],
    ['history on one treaty', ['history', 'Viet Nam', '--treaty', 'hanoi', '--csv']],
  ])('%s lists no treaties and parses no other definition', async (_name, args) => {
    const env = envWithDb('bundled');
    const spies = spyOnWholeReads();
    const r = await runMain([...args, ...AS_OF], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toBe('');
    expect(spies.definitions).not.toHaveBeenCalled();
    expect(spies.treaties).not.toHaveBeenCalled();
  });

  it('history without --treaty still reads every treaty: that is what it was asked', async () => {
    const env = envWithDb('bundled');
    const spies = spyOnWholeReads();
    const r = await runMain(['history', 'Viet Nam', '--csv', ...AS_OF], env);
    expect(r.code, r.stderr).toBe(0);
    expect(spies.definitions).toHaveBeenCalledTimes(1);
  });

  it('a threshold relative to another treaty reads that one treaty, not the list of all of them', async () => {
    const env = envWithDb('bundled');
    const dir = tempDir();
    const names = ['Albania', 'Armenia', 'Austria', 'Belgium', 'Bulgaria', 'Croatia'];
    const page = join(dir, 'XXVII-98.en.xml');
    writeFileSync(page, mtdsgXml(names.map((name, i) => ({ name, consent: `2011-01-${String(i + 10)}` })), { chapter: 'XXVII', number: '98' }));
    const rule = join(dir, 'rule.json');
    writeFileSync(rule, JSON.stringify({
      threshold: 1, counted_actions: ['ratification', 'acceptance', 'approval', 'accession'], excluded_kinds: ['reio'], group_condition: null,
      delay: { days: 90 }, later: { delay: { days: 90 }, not_before_entry_into_force: true }, denunciation: null,
      conditions: [{ kind: 'relative', treaty: 'ets185', as_of: '2005-01-01', fraction: { numerator: 1, denominator: 2 }, rounding: 'up' }],
      text: 'accepted by one half of the Parties to the Convention on Cybercrime on 1 January 2005', source: 'https://example.org/relative',
    }));
    const added = await runMain(['add', page, '--rule', rule, '--snapshot-date', '2012-01-01'], env);
    expect(added.code, added.stderr).toBe(0);
    const budapest = JSON.parse((await runMain(['status', '--treaty', 'ets185', '--json', '--as-of', '2005-01-01'], env)).stdout) as { consents: number };

    const spies = spyOnWholeReads();
    const r = await runMain(['status', '--treaty', 'XXVII-98', '--json', '--as-of', '2012-01-01'], env);
    expect(r.code, r.stderr).toBe(0);
    const relative = (JSON.parse(r.stdout) as { conditions: { kind: string; need: number | null }[] }).conditions.find((c) => c.kind === 'relative');
    expect(relative?.need).toBe(Math.ceil(budapest.consents / 2));
    expect(spies.definitions).not.toHaveBeenCalled();
    expect(spies.treaties).not.toHaveBeenCalled();
  });
});
