// participants, history and export on a small fixture treaty whose values need quoting in every format.
import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BIN } from '../helpers/run-cli.js';
import { FIXTURE_DATA as FIXTURE, runMain } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const fixtureEnv = () => envWithDb('fixture');
const AS_OF = ['--treaty', 'T-1', '--as-of', '2022-06-30'];

function run(args: string[], env = fixtureEnv()) {
  return runMain([...args, ...AS_OF], env);
}
/** The standard output of a command that must succeed. */
async function out(args: string[], env?: Record<string, string>): Promise<string> {
  const r = await run(args, env);
  expect(r.stderr.startsWith('error'), r.stderr).toBe(false);
  return r.stdout;
}

const ParticipantRow = z.strictObject({
  code: z.string().length(3),
  name: z.string(),
  kind: z.enum(['state', 'reio']),
  un_group: z.string().nullable(),
  signed_on: z.iso.date().nullable(),
  consent_on: z.iso.date().nullable(),
  consent_type: z.string().nullable(),
  in_force_on: z.iso.date().nullable(),
  status: z.enum(['none', 'signed', 'consented', 'in_force', 'denounced']),
  date_unknown: z.boolean(),
  party_by: z.iso.date().nullable(),
  latest_step: z.enum(['domestic_approval', 'domestic_law', 'announcement']).nullable(),
  latest_step_on: z.iso.date().nullable(),
});

describe('every format, on the fixture', () => {
  it.each(['table', 'csv', 'tsv', 'json', 'ndjson', 'markdown'])('participants --format %s matches its golden file', async (format) => {
    const r = await run(['participants', '--all', '--format', format]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/participants.${format === 'table' ? 'txt' : format === 'markdown' ? 'md' : format}`);
  });

  it.each(['table', 'csv', 'json'])('history --format %s matches its golden file', async (format) => {
    const r = await run(['history', 'Viet Nam', 'ivory coast', '--format', format]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/history.${format === 'table' ? 'txt' : format}`);
  });

  it.each(['csv', 'tsv', 'json', 'ndjson', 'markdown'])('export --format %s matches its golden file', async (format) => {
    const r = await run(['export', '--format', format]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/export.${format === 'markdown' ? 'md' : format}`);
  });
});

describe('machine formats read back exactly', () => {
  const env = fixtureEnv();
  let json: Record<string, unknown>[];
  beforeAll(async () => {
    json = JSON.parse(await out(['participants', '--all', '--json'], env)) as Record<string, unknown>[];
  });

  it('JSON is an array of participant rows of the documented shape', async () => {
    expect(json).toHaveLength(7);
    for (const row of json) expect(() => ParticipantRow.parse(row)).not.toThrow();
  });

  it('CSV parses back to the same rows, empty where JSON has null', async () => {
    const rows = parse(await out(['participants', '--all', '--csv'], env), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual(json.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)]))));
  });

  it('NDJSON is one parseable object per line, the same as JSON', async () => {
    const lines = (await out(['participants', '--all', '--format', 'ndjson'], env)).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(json);
  });

  it('TSV escapes tabs and newlines, so every line has the same number of fields', async () => {
    const lines = (await out(['export', '--format', 'tsv'], env)).trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    for (const line of lines) expect(line.split('\t')).toHaveLength(7);
    expect(lines.join('\n')).toContain('Two lines:\\nthe second one');
  });

  it('export CSV keeps quotes, commas and newlines of notes', async () => {
    const rows = parse(await out(['export', '--csv'], env), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.code === 'VNM' && r.action === 'signature')?.note).toBe('First to sign, "on the first day"');
    expect(rows.find((r) => r.code === 'CIV' && r.action === 'signature')?.note).toBe('Two lines:\nthe second one');
  });

  it('empty results are valid in every machine format', async () => {
    const empty = (format: string) => run(['participants', '--status', 'denounced', '--kind', 'reio', '--format', format], env);
    expect((await empty('json')).stdout).toBe('[]\n');
    expect((await empty('csv')).stdout).toBe('code,name,kind,un_group,signed_on,consent_on,consent_type,in_force_on,status,date_unknown,party_by,latest_step,latest_step_on\n');
    expect((await empty('ndjson')).stdout).toBe('');
    expect((await empty('tsv')).stdout.split('\n')).toHaveLength(2);
    expect((await empty('table'))).toMatchObject({ code: 0, stdout: 'No rows.\n' });
  });
});

describe('treaty participants', () => {
  const env = fixtureEnv();
  const codes = async (args: string[]) => (JSON.parse(await out(['participants', '--json', ...args], env)) as { code: string }[]).map((r) => r.code);

  it('lists those that acted, by name; --all adds those that did not', async () => {
    expect(await codes([])).toEqual(['CIV', 'EUU', 'DEU', 'NAM', 'KOR', 'VNM']);
    expect(await codes(['--all'])).toEqual(['CIV', 'PRK', 'EUU', 'DEU', 'NAM', 'KOR', 'VNM']);
  });

  it('filters by status, one or several, comma-separated or repeated', async () => {
    expect(await codes(['--status', 'signed'])).toEqual(['KOR']);
    expect(await codes(['--status', 'signed,denounced'])).toEqual(['DEU', 'KOR']);
    expect(await codes(['--status', 'signed', '--status', 'denounced'])).toEqual(['DEU', 'KOR']);
    expect(await codes(['--status', 'none'])).toEqual(['PRK']);
  });

  it('filters by UN regional group under its common names, by membership and by kind', async () => {
    expect(await codes(['--group', 'African'])).toEqual(['CIV', 'NAM']);
    expect(await codes(['--group', 'African States'])).toEqual(['CIV', 'NAM']);
    expect(await codes(['--group', 'asia-pacific', '--all'])).toEqual(['PRK', 'KOR', 'VNM']);
    expect(await codes(['--group', 'WEOG', '--group', 'African'])).toEqual(['CIV', 'DEU', 'NAM']);
    expect(await codes(['--group', 'eu_member'])).toEqual(['DEU']);
    expect(await codes(['--kind', 'reio'])).toEqual(['EUU']);
  });

  it('answers "who has signed but not ratified" and "who in a group has not signed"', async () => {
    expect(await codes(['--status', 'signed'])).toEqual(['KOR']);
    expect(await codes(['--all', '--status', 'none', '--group', 'Asia-Pacific'])).toEqual(['PRK']);
  });

  it('sorts by a date, undated rows last', async () => {
    expect(await codes(['--sort', 'signed_on'])).toEqual(['DEU', 'VNM', 'EUU', 'CIV', 'KOR', 'NAM']);
    expect(await codes(['--sort', 'consent_on'])).toEqual(['DEU', 'EUU', 'VNM', 'NAM', 'CIV', 'KOR']);
  });

  it('picks and orders columns in every format', async () => {
    expect((await out(['participants', '--columns', 'status,code', '--csv'], env)).split('\n').slice(0, 2)).toEqual(['status,code', 'in_force,CIV']);
    expect(JSON.parse(await out(['participants', '--columns', 'name', '--json'], env))[0]).toEqual({ name: "Côte d'Ivoire" });
    expect((await out(['participants', '--columns', 'code,status'], env)).split('\n')[1]).toMatch(/│ code │ status\s+│/);
  });

  it('moves with --as-of', async () => {
    const at = async (asOf: string) =>
      JSON.parse((await runMain(['participants', '--json', '--treaty', 'T-1', '--as-of', asOf], env)).stdout).find((r: { code: string }) => r.code === 'DEU').status;
    expect(await at('2020-02-01')).toBe('signed');
    expect(await at('2020-06-01')).toBe('consented');
    expect(await at('2021-03-01')).toBe('in_force');
    expect(await at('2022-03-31')).toBe('in_force');
    expect(await at('2022-04-01')).toBe('denounced');
  });

  it('puts a count under the table on stderr, and nothing on stderr for machine formats', async () => {
    expect((await run(['participants'], env)).stderr).toBe('6 participants of T-1 as of 2022-06-30: 4 in force, 1 denounced, 1 signed\n');
    expect((await run(['participants', '--csv'], env)).stderr).toBe('');
  });

  it.each([
    // An unknown choice is a usage error like a malformed value (issue 15): exit 2, the choices named.
    [['--status', 'ratified'], 2, 'error: --status: expected one of none, signed, consented, in_force, denounced, got "ratified"\n'],
    [['--kind', 'country'], 2, 'error: --kind: expected one of state, reio, got "country"\n'],
    [['--group', 'Oceania'], 2, /^error: --group: expected a group: African States, .*WEOG\.\.\.\), got "Oceania"\n$/],
    [['--columns', 'code,nam'], 2, /^error: --columns: unknown column "nam"; the columns are: code, name, kind, .*\n$/],
    [['--columns', 'code,,name'], 2, /^error: --columns: expected column names separated by commas, got ""\n$/],
    [['--status', ''], 2, /^error: --status: expected one of none, signed, /],
    [['--sort', 'date'], 2, 'error: --sort: expected one of name, signed_on, consent_on, got "date"\n'],
  ])('rejects %j with exit %i, one message, nothing on stdout', async (args, code, stderr) => {
    const r = await run(['participants', ...args], env);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    if (typeof stderr === 'string') expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
  });
});

describe('treaty history', () => {
  const env = fixtureEnv();

  it('finds a participant however it is typed', async () => {
    for (const name of ['Viet Nam', 'vietnam', 'VN', 'VNM', 'viet-nam']) {
      const rows = JSON.parse(await out(['history', name, '--json'], env)) as { code: string; action: string; date: string }[];
      expect(rows.map((r) => [r.code, r.action, r.date])).toEqual([
        ['VNM', 'signature', '2020-02-01'],
        ['VNM', 'ratification', '2020-09-15'],
      ]);
    }
  });

  it('gives each action its reference, source, and the participant status', async () => {
    const [first] = JSON.parse(await out(['history', 'VN', '--json'], env));
    expect(first).toEqual({
      code: 'VNM', name: 'Viet Nam', treaty: 'T-1', date: '2020-02-01', action: 'signature', reference: 'C.N.1.2020.TREATIES-T.1',
      source: 'https://example.org/a/1', note: 'First to sign, "on the first day"', status: 'in_force', in_force_on: '2021-03-01',
      claim: null, precision: null, grade: null,
    });
  });

  it('shows a participant with no action, saying so', async () => {
    const r = await run(['history', 'North Korea'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Democratic People's Republic of Korea (PRK)\n  T-1 Test Convention: status none\n  No action recorded.\n");
  });

  it('ignores actions after --as-of', async () => {
    const rows = JSON.parse((await runMain(['history', 'VNM', '--json', '--treaty', 'T-1', '--as-of', '2020-06-30'], env)).stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('signed');
  });

  it('lists the candidates of an ambiguous name, and exits 1', async () => {
    expect(await run(['history', 'Korea'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: "Korea" matches 2 participants: "Democratic People's Republic of Korea" (KP), "Republic of Korea" (KR)\nhint: type a code (VN, VNM) or a fuller name\n`,
    });
  });

  it('suggests the nearest name for a typo, and exits 1', async () => {
    expect(await run(['history', 'Vietnma'], env)).toEqual({ code: 1, stdout: '', stderr: 'error: unknown participant "Vietnma"\nhint: did you mean "Viet Nam" (VN)?\n' });
  });

  it('needs at least one participant', async () => {
    const r = await run(['history'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: missing required argument 'participant'/);
  });
});

describe('treaty export', () => {
  it('writes the bundled action rows back exactly as the data file has them', async () => {
    const r = await runMain(['export', '--csv', '--treaty', 'T-1'], fixtureEnv());
    const exported = parse(r.stdout, { columns: true }) as Record<string, string>[];
    const bundled = parse(readFileSync(join(FIXTURE, 'actions', 'T-1.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const key = (a: Record<string, string>) => `${a.date}|${a.code}|${a.action}`;
    expect([...exported].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...bundled].sort((a, b) => key(a).localeCompare(key(b))));
  });

  it('covers every treaty with --all-treaties', async () => {
    const rows = JSON.parse((await runMain(['export', '--json', '--all-treaties'], envWithDb())).stdout) as { treaty: string }[];
    expect(new Set(rows.map((r) => r.treaty))).toEqual(new Set(['XVIII-16', 'ets185']));
    expect(rows.length).toBeGreaterThanOrEqual(73 + 100);
  });

  it('exits 0 quietly when the reader goes away after the first line', () => {
    const out = execFileSync('bash', ['-c', `"${process.execPath}" "${BIN}" participants --all --csv | head -1; echo "exit=\${PIPESTATUS[0]}"`], {
      env: envWithDb(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toBe('code,name,kind,un_group,signed_on,consent_on,consent_type,in_force_on,status,date_unknown,party_by,latest_step,latest_step_on\nexit=0\n');
  });
});
