// export --safe: a CSV for spreadsheets, where no cell begins a formula; without it, the exact text.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/run-cli.js';
import { runMain as run } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const NOTES = ['=HYPERLINK("https://example.org","click")', '+cmd|\' /C calc\'!A0', '@SUM(A1:A9)', '-2+3', 'plain, with a comma'];

describe('export --safe', () => {
  it('prefixes formula-leading cells with an apostrophe, and only with --safe', async () => {
    const env = envWithDb();
    const file = join(tempDir(), 'notes.csv');
    const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;
    writeFileSync(file, ['treaty,code,action,date,reference,source,note', ...NOTES.map((n, i) => `XVIII-16,VNM,declaration,2026-01-${String(i + 10)},,https://example.org/${i},${csvField(n)}`)].join('\n') + '\n');
    expect((await run(['import', file], env)).code).toBe(0);
    const notesOf = async (args: string[]) => {
      const r = await run(['export', '--json', ...args], env);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { note: string | null; date: string }[]).filter((a) => a.date >= '2026-01-10' && a.date <= '2026-01-14').map((a) => a.note);
    };
    expect(await notesOf([])).toEqual(NOTES);
    expect(await notesOf(['--safe'])).toEqual([`'${NOTES[0]}`, `'${NOTES[1]}`, `'${NOTES[2]}`, `'${NOTES[3]}`, NOTES[4]]);
    const csv = (await run(['export', '--csv', '--safe'], env)).stdout;
    expect(csv).toContain(`"'=HYPERLINK(""https://example.org"",""click"")"`);
    expect(csv.split('\n').filter((line) => /,[=+@-]/.test(line))).toEqual([]);
  });
});
