// Machine formats say "nothing" as nothing (empty in CSV/TSV, null in JSON) and a list as a list.
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from '../helpers/run-cli.js';

const env = cleanEnv();
const json = (args: string[]) => JSON.parse(runCli([...args, '--json', '--as-of', '2026-11-23'], env).stdout) as Record<string, unknown>[];

describe('missing values and lists, on the bundled data', () => {
  it('un_group is null in JSON and empty in CSV for a participant outside the groups', () => {
    expect(json(['participants', '--all']).find((r) => r.code === 'EUU')).toMatchObject({ un_group: null });
    expect(json(['compare', 'hanoi', 'budapest', '--all']).find((r) => r.code === 'EUU')).toMatchObject({ un_group: null });
    const csv = runCli(['participants', '--all', '--csv', '--as-of', '2026-11-23'], env).stdout;
    expect(csv.split('\n').find((l) => l.startsWith('EUU,'))).toMatch(/^EUU,European Union,reio,,/);
    expect(csv).not.toMatch(/,none,.*,(none|signed|consented|in_force|denounced),/); // "none" is only ever a status
  });

  it('aliases is an array in treaties --json, and one ";"-joined field in CSV', () => {
    const hanoi = json(['treaties']).find((r) => r.id === 'XVIII-16')!;
    expect(hanoi.aliases).toEqual(expect.arrayContaining(['hanoi', 'cybercrime']));
    const csv = runCli(['treaties', '--csv', '--as-of', '2026-11-23'], env).stdout;
    expect(csv).toMatch(/^XVIII-16,UN Convention against Cybercrime,[a-z0-9-]+(;[a-z0-9-]+)+,40,/m);
  });

  it('checks is an array of codes in treaties --json, and one ";"-joined field in CSV', () => {
    const budapest = json(['treaties']).find((r) => r.id === 'ets185')!;
    expect(budapest.checks).toEqual(['data_stale', 'dates_unknown']);
    const csv = runCli(['treaties', '--csv', '--as-of', '2026-11-23'], env).stdout;
    expect(csv).toMatch(/^ets185,.*,data_stale;dates_unknown$/m);
  });
});
