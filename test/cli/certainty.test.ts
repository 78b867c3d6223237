// Parties whose dates no source gives (issue 19): shown as parties, counted from the date a source proves.
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from '../helpers/run-cli.js';

const env = cleanEnv();
const codes = (args: string[]) => {
  const r = runCli([...args, '--as-of', '2026-11-23', '--json'], env);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { code: string }[]).map((p) => p.code);
};

describe('Budapest parties with unknown dates', () => {
  it('compare lists them as in force in Budapest, never as signatories or as having done nothing', () => {
    expect(codes(['compare', 'hanoi', 'budapest', '--first-status', 'none', '--second-status', 'in_force'])).toEqual(expect.arrayContaining(['SRB', 'PRY', 'MKD', 'SEN']));
    const signedOrNone = codes(['compare', 'hanoi', 'budapest', '--first-status', 'signed', '--second-status', 'none,signed']);
    expect(signedOrNone).not.toContain('SVN');
    expect(signedOrNone).toEqual(expect.arrayContaining(['IRL', 'ZAF']));
  });

  it('history says Serbia is a party whose date is not found in any source', () => {
    const r = runCli(['history', 'Serbia', '--treaty', 'budapest', '--as-of', '2026-11-23'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('status in_force; Party; date not found in any source (a source proves it a party by 2019-03-08)');
    expect(r.stdout).not.toContain('No action recorded.');
  });

  it('participants gives null dates and date_unknown for them', () => {
    const r = runCli(['participants', '--treaty', 'budapest', '--as-of', '2026-11-23', '--json'], env);
    const serbia = (JSON.parse(r.stdout) as { code: string }[]).find((p) => p.code === 'SRB');
    expect(serbia).toMatchObject({ status: 'in_force', consent_on: null, in_force_on: null, date_unknown: true, party_by: '2019-03-08' });
  });
});

describe('a source may be an official-journal citation', () => {
  it('record takes "[citation]" as well as an address, and refuses a bare word with exit 2', () => {
    const env2 = cleanEnv();
    const ok = runCli(['record', 'Slovenia', 'domestic_law', '2004-05-20', '--treaty', 'budapest', '--source', '[Uradni list RS 62/2004]'], env2);
    expect(ok.code, ok.stderr).toBe(0);
    const history = runCli(['history', 'Slovenia', '--treaty', 'budapest', '--json'], env2);
    expect(JSON.parse(history.stdout)).toContainEqual(expect.objectContaining({ action: 'domestic_law', source: '[Uradni list RS 62/2004]' }));
    const bad = runCli(['record', 'Slovenia', 'domestic_law', '2004-05-21', '--treaty', 'budapest', '--source', 'gazette'], env2);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toBe('error: --source: expected one or more http(s) addresses or [official-journal citations] separated by spaces, got "gazette"\n');
  });
});
