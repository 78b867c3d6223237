// record, remove, import, changes, undo, sync and db, as a user runs them.
import { parse } from 'csv-parse/sync';
import { createServer, type Server } from 'node:http';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../helpers/files.js';
import { mtdsgXml, type FixtureRow } from '../helpers/mtdsg.js';
import { cleanEnv, runCliAs, tempDir, unprivileged } from '../helpers/run-cli.js';
import { runMain as run } from '../helpers/run-main.js';
import { envWithDb as freshEnv } from '../helpers/seeded-db.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';

const SOURCE = 'https://example.org/notification';

const statusJson = async (env: Record<string, string>, asOf = '2026-11-23') => JSON.parse((await run(['status', '--json', '--as-of', asOf], env)).stdout);
const changesJson = async (env: Record<string, string>, args: string[] = []) =>
  JSON.parse((await run(['changes', '--json', ...args], env)).stdout) as { id: number; command: string; key: string; before: string | null; after: string | null }[];

describe('treaty record', () => {
  it('adds a ratification that status, participants, history and changes then show', async () => {
    const env = freshEnv();
    const r = await run(['record', 'Viet Nam', 'ratification', '2026-06-15', '--source', SOURCE, '--reference', 'C.N.100.2026.TREATIES-XVIII.16'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('recorded Viet Nam (VNM): ratification of XVIII-16 on 2026-06-15: 1 added, 0 changed, 0 removed, 0 unchanged\n');
    expect(r.stdout).toContain('│ added  │ XVIII-16 │ VNM  │ ratification │ 2026-06-15 │');
    expect(await statusJson(env)).toMatchObject({ consents: 1, counted: 1, remaining: 39 });
    expect(await statusJson(env, '2026-06-14')).toMatchObject({ consents: 0 });
    // The actions only: the rows with a grade are reports about Viet Nam, not actions.
    const vn = JSON.parse((await run(['history', 'VN', '--json', '--as-of', '2026-11-23'], env)).stdout).filter((r: { grade: string | null }) => r.grade === null);
    expect(vn.map((a: { action: string }) => a.action)).toEqual(['signature', 'announcement', 'ratification']);
    expect(vn[2]).toMatchObject({ reference: 'C.N.100.2026.TREATIES-XVIII.16', source: SOURCE, status: 'consented' });
    const [change] = await changesJson(env);
    expect(change).toMatchObject({ key: 'XVIII-16|VNM|ratification|2026-06-15', before: null });
    expect(change!.command).toBe('treaty record "Viet Nam" ratification 2026-06-15 --source https://example.org/notification --reference C.N.100.2026.TREATIES-XVIII.16');
  });

  it('changes nothing when the same action is recorded again, and says so', async () => {
    const env = freshEnv();
    const args = ['record', 'VNM', 'ratification', '2026-06-15', '--source', SOURCE];
    expect((await run(args, env)).code).toBe(0);
    const before = fingerprint(env.TREATY_DB!);
    const again = await run(args, env);
    expect(again).toMatchObject({ code: 0, stdout: '' });
    expect(again.stderr).toMatch(/^no change: Viet Nam \(VNM\): ratification of XVIII-16 on 2026-06-15 is already recorded/);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
    expect(await changesJson(env)).toHaveLength(1);
  });

  it('refuses another date for the same action unless --replace, which swaps it', async () => {
    const env = freshEnv();
    const r = await run(['record', 'UK', 'signature', '2025-10-25', '--source', SOURCE], env);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('error: GBR already has a signature of XVIII-16 on 2025-10-26, not 2025-10-25\nhint: use --replace to replace the stored date\n');
    const ok = await run(['record', 'UK', 'signature', '2025-10-25', '--source', SOURCE, '--replace'], env);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('1 added, 0 changed, 1 removed');
    expect((await statusJson(env, '2025-10-25')).signatories).toBe(67);
  });

  it('--dry-run says what it would do and writes nothing', async () => {
    const env = freshEnv();
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(['record', 'Qatar', 'ratification', '2026-02-01', '--source', SOURCE, '--dry-run'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^would record Qatar \(QAT\)/);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('records into the Budapest Convention with --treaty', async () => {
    const env = freshEnv();
    expect((await run(['record', 'Kenya', 'accession', '2026-03-02', '--source', SOURCE, '--treaty', 'budapest'], env)).code).toBe(0);
    const kenya = JSON.parse((await run(['participants', '--treaty', 'budapest', '--json', '--as-of', '2026-11-23'], env)).stdout).find((p: { code: string }) => p.code === 'KEN');
    expect(kenya).toMatchObject({ consent_on: '2026-03-02', in_force_on: '2026-07-01', status: 'in_force' });
  });
});

describe('treaty remove and treaty undo', () => {
  it('remove takes an action out, and undo puts it back', async () => {
    const env = freshEnv();
    const r = await run(['remove', 'Mauritius', 'signature', '2025-11-19'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('removed Mauritius (MUS): signature of XVIII-16 on 2025-11-19\n');
    expect((await statusJson(env)).signatories).toBe(72);
    const [change] = await changesJson(env);
    expect(change!.after).toBeNull();
    const u = await run(['undo', String(change!.id)], env);
    expect(u.code).toBe(0);
    expect(u.stderr).toMatch(new RegExp(`^undid change ${change!.id} \\(treaty remove Mauritius signature 2025-11-19, XVIII-16\\|MUS\\|signature\\|2025-11-19\\)\\n$`));
    expect((await statusJson(env)).signatories).toBe(73);
    const history = JSON.parse((await run(['history', 'MUS', '--json', '--as-of', '2026-11-23'], env)).stdout);
    expect(history[0].note).toMatch(/^Signed at United Nations Headquarters/);
  });

  it('undo reverses a record, and refuses a change that later changes have overtaken', async () => {
    const env = freshEnv();
    await run(['record', 'VNM', 'ratification', '2026-06-15', '--source', SOURCE], env);
    const [added] = await changesJson(env);
    await run(['record', 'VNM', 'ratification', '2026-06-16', '--source', SOURCE, '--replace'], env);
    const refused = await run(['undo', String(added!.id)], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: change \d+ cannot be undone: the row has changed since/);
    const last = (await changesJson(env)).at(-1)!;
    expect((await run(['undo', String(last.id)], env)).code).toBe(0);
  });

  it('remove of an action that is not there names the ones that are', async () => {
    const env = freshEnv();
    expect(await run(['remove', 'VNM', 'signature', '2025-10-26'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: Viet Nam (VNM) has no signature of XVIII-16 on 2025-10-26\nhint: its signature: 2025-10-25\n',
    });
  });

  it('undo of an unknown change, or of a non-number, fails cleanly', async () => {
    const env = freshEnv();
    expect(await run(['undo', '99999'], env)).toMatchObject({ code: 1, stderr: 'error: no change number 99999\nhint: list them with: treaty changes\n' });
    expect(await run(['undo', 'last'], env)).toMatchObject({ code: 2, stderr: 'error: undo <change-id>: expected a whole number from 1 to 9007199254740991, got "last"\n' });
  });
});

describe('treaty changes', () => {
  it('lists writes in every format, by date and treaty, and the seed only when asked', async () => {
    const env = freshEnv();
    await run(['record', 'VNM', 'ratification', '2026-06-15', '--source', SOURCE], env);
    await run(['record', 'Kenya', 'accession', '2026-03-02', '--source', SOURCE, '--treaty', 'budapest'], env);
    expect(await changesJson(env)).toHaveLength(2);
    expect((await changesJson(env, ['--treaty', 'budapest'])).map((c) => c.key)).toEqual(['ets185|KEN|accession|2026-03-02']);
    expect(await changesJson(env, ['--since', '2199-01-01'])).toEqual([]);
    expect((await changesJson(env, ['--with-seed'])).length).toBeGreaterThan(400);
    const csv = parse((await run(['changes', '--csv'], env)).stdout, { columns: true }) as Record<string, string>[];
    expect(csv.map((c) => c.key)).toEqual(['XVIII-16|VNM|ratification|2026-06-15', 'ets185|KEN|accession|2026-03-02']);
  });
});

describe('treaty import', () => {
  it('round-trips: importing what export wrote changes nothing', async () => {
    const env = freshEnv();
    const dir = tempDir();
    for (const format of ['csv', 'tsv', 'json', 'ndjson']) {
      const file = join(dir, `all.${format}`);
      writeFileSync(file, (await run(['export', '--all-treaties', '--format', format], env)).stdout);
      const before = fingerprint(env.TREATY_DB!);
      const r = await run(['import', file], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^no change from .*: 0 added, 0 changed, 0 removed, \d+ unchanged\n$/);
      expect(fingerprint(env.TREATY_DB!)).toBe(before);
    }
  });

  it('imports new rows from several files in one transaction, and the second time reports no change', async () => {
    const env = freshEnv();
    const dir = tempDir();
    const header = 'treaty,code,action,date,reference,source,note\n';
    writeFileSync(join(dir, 'a.csv'), `${header}XVIII-16,QAT,ratification,2026-02-10,,${SOURCE},"reported, ""first"""\n`);
    writeFileSync(join(dir, 'b.json'), JSON.stringify([{ treaty: 'XVIII-16', code: 'AZE', action: 'ratification', date: '2026-03-01', reference: null, source: SOURCE, note: null }]));
    const first = await run(['import', join(dir, 'a.csv'), join(dir, 'b.json')], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe('imported from 2 files: 2 added, 0 changed, 0 removed, 0 unchanged\n');
    expect((await statusJson(env)).counted).toBe(2);
    const before = fingerprint(env.TREATY_DB!);
    const second = await run(['import', join(dir, 'a.csv'), join(dir, 'b.json')], env);
    expect(second.stderr).toBe('no change from 2 files: 0 added, 0 changed, 0 removed, 2 unchanged\n');
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('--dry-run lists what would be added, changed and left as it is, and writes nothing', async () => {
    const env = freshEnv();
    const file = join(tempDir(), 'x.csv');
    writeFileSync(file, `treaty,code,action,date,reference,source,note\nXVIII-16,QAT,ratification,2026-02-10,,${SOURCE},\nXVIII-16,VNM,signature,2025-10-25,,https://example.org/other,changed note\n`);
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(['import', file, '--dry-run', '--csv'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('would import from ' + file + ': 1 added, 1 changed, 0 removed, 0 unchanged\n');
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'change,treaty,code,action,date,reference,source,note',
      `added,XVIII-16,QAT,ratification,2026-02-10,,${SOURCE},`,
      'changed,XVIII-16,VNM,signature,2025-10-25,,https://example.org/other,changed note',
    ]);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it("imports the depositary's XML: the page confirms stored rows, and its dates win where they differ", async () => {
    const env = freshEnv();
    const rows: FixtureRow[] = [
      { name: 'Viet Nam', signature: '2025-10-25', consent: '2026-06-15' },
      { name: 'United Kingdom of Great Britain and Northern Ireland', signature: '2025-10-25' },
      { name: 'Qatar', signature: '2025-10-25', consent: '2026-02-10 AA' },
      { name: 'European Union', signature: '2025-10-25', consent: '2026-07-01 AA' },
    ];
    const file = join(tempDir(), 'XVIII-16.en.xml');
    writeFileSync(file, mtdsgXml(rows));
    const r = await run(['import', file, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    // The page states no status date: its latest date becomes the treaty's data date, and the notice says so.
    expect(r.stderr).toBe(`imported from ${file}: 4 added, 0 changed, 1 removed, 3 unchanged\nXVIII-16: data as of 2026-07-01, the latest date the page shows (the page states no status date; give the real one with --snapshot-date or --data-as-of)\n`);
    const added = JSON.parse(r.stdout) as { change: string; code: string; action: string; date: string; note: string | null; source: string }[];
    expect(added.find((a) => a.code === 'GBR' && a.change === 'added')).toMatchObject({
      date: '2025-10-25',
      note: expect.stringMatching(/^the depositary's date; replaces 2025-10-26 \(https:\/\/thenewsintel.com/),
      source: 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml',
    });
    expect(added.find((a) => a.code === 'QAT' && a.change === 'added')).toMatchObject({ action: 'approval', date: '2026-02-10' });
    expect(await statusJson(env)).toMatchObject({ consents: 3, counted: 2 });
    const vn = JSON.parse((await run(['history', 'VNM', '--json', '--treaty', 'hanoi', '--as-of', '2026-11-23'], env)).stdout);
    expect(vn[0].note).toBe('First State to sign, on the morning of 25 October 2025.');
  });
});

describe('treaty sync', () => {
  let server: Server;
  let base = '';
  const pages: Record<string, { status: number; body: string; delayMs?: number }> = {};

  beforeAll(async () => {
    server = createServer((req, res) => {
      const page = pages[req.url ?? ''];
      if (!page) return void res.writeHead(404, 'Not Found').end('no such page');
      setTimeout(() => res.writeHead(page.status, { 'content-type': 'application/xml' }).end(page.body), page.delayMs ?? 0);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    pages['/XVIII-16.en.xml'] = { status: 200, body: mtdsgXml([{ name: 'Viet Nam', signature: '2025-10-25', consent: '2026-06-15' }, { name: 'Qatar', signature: '2025-10-25' }]) };
    pages['/slow.xml'] = { status: 200, body: pages['/XVIII-16.en.xml']!.body, delayMs: 4000 };
    pages['/html'] = { status: 200, body: '<html><body>Maintenance</body></html>' };
    pages['/broken'] = { status: 500, body: 'oops' };
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('fetches a status page and applies it as an import, logged under the page as source', async () => {
    const env = freshEnv();
    const url = `${base}/XVIII-16.en.xml`;
    const dry = await run(['sync', '--from', url, '--dry-run'], env);
    // A page fetched now is as of the day it was fetched (the XML states no date of its own).
    const fetched = /^XVIII-16: data as of \d{4}-\d{2}-\d{2}, the day the page was fetched \(the page states no status date\)$/;
    expect(dry.stderr.split('\n')[0]).toBe(`would import from ${url}: 1 added, 0 changed, 0 removed, 2 unchanged`);
    expect(dry.stderr.split('\n')[1]).toMatch(fetched);
    const r = await run(['sync', '--from', url], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(`imported from ${url}: 1 added, 0 changed, 0 removed, 2 unchanged`);
    expect(r.stderr.split('\n')[1]).toMatch(fetched);
    expect((await statusJson(env)).consents).toBe(1);
    expect((await changesJson(env))[0]).toMatchObject({ key: 'XVIII-16|VNM|ratification|2026-06-15' });
    expect(JSON.parse((await changesJson(env))[0]!.after!).source).toBe(url);
    const again = await run(['sync', '--from', url], env);
    expect(again.stderr).toMatch(/^no change from /);
  });

  it.each([
    ['/missing.xml', /^error: http:\/\/127\.0\.0\.1:\d+\/missing\.xml: the server answered HTTP 404 Not Found\n$/],
    ['/broken', /^error: http:\/\/127\.0\.0\.1:\d+\/broken: the server answered HTTP 500/],
    ['/html', /^error: http:\/\/127\.0\.0\.1:\d+\/html: not a UN Treaty Collection status page/],
  ])('%s: a clear error that changes nothing', async (path, stderr) => {
    const env = freshEnv();
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(['sync', '--from', `${base}${path}`], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(stderr);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('gives up on a server that does not answer in time', async () => {
    const env = freshEnv();
    const r = await run(['sync', '--from', `${base}/slow.xml`, '--timeout', '1'], env);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^error: .*slow\.xml: no answer within 1 s\n/);
  });

  it('reports a server that is not there', async () => {
    const env = freshEnv();
    // A port that was free a moment ago: nothing listens there now.
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((done) => probe.close(() => done()));
    const r = await run(['sync', '--from', `http://127.0.0.1:${port}/XVIII-16.en.xml`, '--timeout', '5'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: http://127.0.0.1:${port}/XVIII-16.en.xml: cannot connect (ECONNREFUSED)\n`);
  });
});

describe('treaty db', () => {
  it('path prints the file, check reports a sound database', async () => {
    const env = freshEnv();
    expect(await run(['db', 'path'], env)).toEqual({ code: 0, stdout: `${env.TREATY_DB}\n`, stderr: '' });
    const check = await run(['db', 'check', '--json'], env);
    expect(check.code).toBe(0);
    const rows = Object.fromEntries(JSON.parse(check.stdout).map((r: { check: string; value: unknown }) => [r.check, r.value]));
    expect(rows).toMatchObject({ integrity: 'ok', schema_version: SCHEMA_VERSION, treaties: 2, bundled_actions_missing: 0 });
  });

  it('backup writes a copy that answers like the original, and will not overwrite without --force', async () => {
    const env = freshEnv();
    await run(['record', 'VNM', 'ratification', '2026-06-15', '--source', SOURCE], env);
    const copy = join(tempDir(), 'copy.db');
    expect(await run(['db', 'backup', copy], env)).toMatchObject({ code: 0, stdout: `${copy}\n` });
    expect(await statusJson({ ...env, TREATY_DB: copy })).toEqual(await statusJson(env));
    expect(await run(['db', 'backup', copy], env)).toMatchObject({ code: 1, stderr: `error: ${copy} exists already\nhint: choose another name, or add --force to overwrite it\n` });
    expect((await run(['db', 'backup', copy, '--force'], env)).code).toBe(0);
  });

  it('update merges bundled data that is missing, keeping what the user recorded and removed', async () => {
    const env = freshEnv();
    await run(['record', 'VNM', 'ratification', '2026-06-15', '--source', SOURCE], env);
    await run(['remove', 'MUS', 'signature', '2025-11-19'], env);
    // An older release had no Budapest rows: take them out behind the tool's back.
    const db = new (require('better-sqlite3'))(env.TREATY_DB!);
    db.exec("DELETE FROM actions WHERE treaty = 'ets185' AND code IN ('ALB', 'HRV')");
    db.close();
    const check = JSON.parse((await run(['db', 'check', '--json'], env)).stdout);
    expect(check.find((r: { check: string }) => r.check === 'bundled_actions_missing').value).toBe(4);
    const r = await run(['db', 'update'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('added 4 bundled actions, corrected 0, 0 treaties and 0 participants; what you recorded is kept\n');
    expect((await statusJson(env))).toMatchObject({ consents: 1, signatories: 72 });
    expect((await run(['db', 'update'], env)).stderr).toMatch(/^added 0 bundled actions/);
  });

  // Root may write any file, so the write runs as nobody there; only without setpriv can it not run.
  const asUser = unprivileged();
  it.skipIf(asUser === null)('a read-only database still answers reads, and a write says why it cannot', async () => {
    const env = freshEnv();
    chmodSync(env.HOME!, 0o777); // the folder lets the user in; only the file's mode says no
    chmodSync(env.TREATY_DB!, 0o444);
    const before = fingerprint(env.TREATY_DB!);
    expect((await run(['status', '--json', '--as-of', '2026-11-23'], env)).code).toBe(0);
    const r = runCliAs(asUser!, ['record', 'VNM', 'ratification', '2026-06-15', '--source', SOURCE], env);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*(read-only|readonly)/);
    expect(r.code).toBe(1);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('check of a file that is not there creates it first, like every command', async () => {
    const env = cleanEnv();
    expect((await run(['db', 'check'], env)).code).toBe(0);
    expect(existsSync(env.TREATY_DB!)).toBe(true);
    expect(readFileSync(env.TREATY_DB!).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
