// Findings of issue 17 that had no test at the command line: a hostile CSV header in an error
// message, --timeout out of its range, dates past the years treaty takes, a status page's field past
// the maximum. Each is one line, the
// right exit code, and the database as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../helpers/files.js';
import { ROOT, tempDir } from '../helpers/run-cli.js';
import { runMain as run } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('error messages quote hostile text as escapes', () => {
  it('a CSV header with a title-changing escape and a right-to-left override', async () => {
    const env = envWithDb();
    const file = join(tempDir(), 'header.csv');
    writeFileSync(file, 'treaty,code,\u001b]0;owned\u0007\u202eevil,date\nXVIII-16,VNM,x,2026-01-01\n');
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(['import', file], env);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr.split('\n')[0]).toBe(`error: ${file}:1: unknown column "\\x1b]0;owned\\x07\\u{202e}evil"`);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('an unknown option with an escape in its name', async () => {
    const r = await run(['status', '--\u001b[8mhidden'], envWithDb());
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain("'--\\x1b[8mhidden'");
  });
});

describe('values outside their documented range', () => {
  it.each(['2147484', '0'])('sync --timeout %s is refused (exit 2), not turned into 1 ms', async (value) => {
    const r = await run(['sync', '--from', 'https://example.org/page.xml', '--timeout', value], envWithDb());
    expect(r).toEqual({ code: 2, stdout: '', stderr: `error: --timeout: expected a number of seconds above 0 and at most 3600, like 30 or 2.5, got "${value}"\n` });
  });

  it.each(['9999-12-31', '2200-01-01', '1799-12-31'])('record on %s is refused on the command line (exit 2)', async (date) => {
    const env = envWithDb();
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(['record', 'VNM', 'ratification', date, '--source', 'https://example.org/a'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: record <date>: expected a date from 1800-01-01 to 2199-12-31, got "[\d-]+"\n$/);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('an imported date past 2199 is a line-numbered error, and nothing is imported', async () => {
    const env = envWithDb();
    const file = join(tempDir(), 'far.csv');
    writeFileSync(file, 'treaty,code,action,date,reference,source,note\nXVIII-16,VNM,declaration,2026-01-02,,https://example.org/a,\nXVIII-16,VNM,ratification,9999-12-31,,https://example.org/a,\n');
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(['import', file], env);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`error: ${file}:3: date: "9999-12-31": outside the dates treaty takes (1800-01-01 to 2199-12-31)`);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });
});

describe('a status page with a field past the maximum', () => {
  it('a participant name of 20,000 characters: refused with the row, before anything is matched or stored', async () => {
    const env = envWithDb();
    const real = readFileSync(join(ROOT, 'test', 'fixtures', 'mtdsg', 'XXVI-8.en.xml'), 'latin1');
    const file = join(tempDir(), 'long-name.xml');
    writeFileSync(file, real.replace('<Entry>Albania</Entry>', `<Entry>${'Q'.repeat(20_000)}</Entry>`), 'latin1');
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(['add', file, '--threshold', '50', '--days', '90'], env);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `error: ${file}: participants table, row 1: the participant's name is 20,000 characters long; the most a field may hold is 10,000\n` });
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });
});
