// db update applies the release's corrections to bundled rows (issue 19), never to what the user wrote.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cleanEnv, runCli, tempDir } from '../helpers/run-cli.js';

/** A copy of data/ as an older release shipped it: the EU's step typed as a law, Uganda's and Mauritius's notes older, Palestine in no group. */
function olderRelease(): string {
  const dir = join(tempDir(), 'data');
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  const file = join(dir, 'actions', 'XVIII-16.csv');
  const lines = readFileSync(file, 'utf8').split('\n').map((l) => {
    if (l.startsWith('XVIII-16,EUU,domestic_approval,2026-06-04,')) return l.replace('domestic_approval', 'domestic_law');
    if (l.startsWith('XVIII-16,UGA,signature,') || l.startsWith('XVIII-16,MUS,signature,')) return `${l.split(',').slice(0, 6).join(',')},an older note`;
    return l;
  });
  writeFileSync(file, lines.join('\n'));
  const participants = join(dir, 'participants.csv');
  writeFileSync(participants, readFileSync(participants, 'utf8').replace(',state,Asia-Pacific States,,https://github.com/mledoze', ',state,none,,https://github.com/mledoze'));
  return dir;
}

describe('db update with corrected bundled rows', () => {
  it('corrects a type and a note the bundle wrote, and leaves a row the user removed removed', () => {
    const env = cleanEnv();
    expect(runCli(['status', '--as-of', '2026-11-23'], { ...env, TREATY_DATA_DIR: olderRelease() }).code).toBe(0);
    expect(runCli(['remove', 'Mauritius', 'signature', '2025-11-19'], env).code).toBe(0);
    const r = runCli(['db', 'update', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toContainEqual({ merged: 'corrected_actions', count: 2 });
    expect(JSON.parse(r.stdout)).toContainEqual({ merged: 'corrected_participants', count: 1 });
    const palestine = JSON.parse(runCli(['participants', '--all', '--as-of', '2026-11-23', '--json'], env).stdout).find((p: { code: string }) => p.code === 'PSE');
    expect(palestine.un_group).toBe('Asia-Pacific States');
    const rows = JSON.parse(runCli(['export', '--json'], env).stdout) as { code: string; action: string; note: string | null }[];
    expect(rows.filter((a) => a.code === 'EUU').map((a) => a.action)).toEqual(['signature', 'domestic_approval']);
    expect(rows.find((a) => a.code === 'UGA')!.note).toMatch(/stops at "Turkije"/);
    expect(rows.some((a) => a.code === 'MUS')).toBe(false);
    // A second update finds nothing left to correct.
    const again = JSON.parse(runCli(['db', 'update', '--json'], env).stdout);
    expect(again).toContainEqual({ merged: 'corrected_actions', count: 0 });
    expect(again).toContainEqual({ merged: 'corrected_participants', count: 0 });
  });
});
