// Text from files reaches people's terminals: escape sequences and bidirectional overrides in notes,
// references, sources and names are shown as visible escapes in tables and prose, while the machine
// formats keep the exact text.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/run-cli.js';
import { runMain as run } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const TITLE = '\u001b]0;owned\u0007';
const COLOUR = '\u001b[8mhidden\u001b[0m';
const RTL = 'evil\u202egnp.exe';
// Any C0 control but tab and newline, DEL, C1 controls, or a bidi control, raw.
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('hostile text in the data', () => {
  async function seeded() {
    const env = envWithDb();
    const file = join(tempDir(), 'hostile.csv');
    writeFileSync(
      file,
      `treaty,code,action,date,reference,source,note\nXVIII-16,VNM,declaration,2026-01-02,"C.N.1.${COLOUR}",https://example.org/${encodeURIComponent('x')},"a note ${TITLE} and ${RTL}"\n`,
    );
    const r = await run(['import', file], env);
    expect(r.code, r.stderr).toBe(0);
    return env;
  }

  it.each([
    [['history', 'VNM', '--treaty', 'hanoi', '--as-of', '2026-11-23']],
    [['export', '--as-of', '2026-11-23']],
  ])('%j: the table shows escapes, never the raw characters', async (args) => {
    const env = await seeded();
    const r = await run(args, env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('\\x1b]0;owned\\x07');
    expect(r.stdout).toContain('\\u{202e}');
  });

  it('the change log as a table prints none of them raw', async () => {
    const env = await seeded();
    const r = await run(['changes'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
  });

  it.each(['json', 'csv'])('--format %s keeps the exact text', async (format) => {
    const env = await seeded();
    const r = await run(['history', 'VNM', '--treaty', 'hanoi', '--format', format, '--as-of', '2026-11-23'], env);
    expect(r.code).toBe(0);
    // JSON writes the controls as \\u escapes; what a script reads back is the exact text.
    const text = format === 'json' ? (JSON.parse(r.stdout) as { note: string | null }[]).map((row) => row.note).join('\n') : r.stdout;
    expect(text).toContain(TITLE);
    expect(text).toContain(RTL);
  });
});
