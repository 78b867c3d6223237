// treaty add: a treaty from the depositary's status page, checked against the page's own header.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../helpers/files.js';
import { mtdsgXml } from '../helpers/mtdsg.js';
import { ROOT, tempDir } from '../helpers/run-cli.js';
import { runMain as run } from '../helpers/run-main.js';
import { envWithDb as freshEnv } from '../helpers/seeded-db.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'mtdsg');
const ATT = 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XXVI/XXVI-8.en.xml';

describe('treaty add', () => {
  it('adds the Arms Trade Treaty from its real 2018 status page; the rule gives the depositary\'s date', async () => {
    const env = freshEnv();
    const r = await run(['add', join(FIXTURES, 'XXVI-8.en.xml'), '--source', ATT, '--threshold', '50', '--days', '90', '--alias', 'att', '--snapshot-date', '2018-01-15', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ id: 'XXVI-8', title: 'Arms Trade Treaty', signatories: 130, parties: 94, actions: 246, footnote_actions: 0, new_participants: '' }]);
    expect(r.stderr.split('\n')[0]).toBe("added treaty XXVI-8 (Arms Trade Treaty): 246 actions of 135 participants; the header's counts and date of entry into force agree");
    expect(r.stderr).toMatch(/repaired: restored 20 quotation marks or dashes written as control bytes/);
    const s = JSON.parse((await run(['status', '--treaty', 'att', '--json', '--as-of', '2018-01-15'], env)).stdout);
    expect(s).toMatchObject({ treaty: 'XXVI-8', signatories: 130, consents: 94, threshold_reached_on: '2014-09-25', entry_into_force: { state: 'in_force', date: '2014-12-24' } });
    expect(JSON.parse((await run(['history', 'Albania', '--treaty', 'att', '--json', '--as-of', '2018-01-15'], env)).stdout).map((a: { action: string; date: string }) => `${a.action} ${a.date}`)).toEqual([
      'signature 2013-06-03',
      'ratification 2014-03-19',
    ]);
  });

  it('says when the rule given does not give the depositary\'s date of entry into force', async () => {
    const env = freshEnv();
    const r = await run(['add', join(FIXTURES, 'XXVI-8.en.xml'), '--source', ATT, '--threshold', '50', '--days', '30', '--snapshot-date', '2018-01-15'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/the depositary gives entry into force on 2014-12-24, the rule given gives 2014-10-25: check the rule/);
  });

  it('adds a participant it does not know under an X code, and a treaty not yet in force', async () => {
    const env = freshEnv();
    const file = join(tempDir(), 'XIX-99.en.xml');
    writeFileSync(file, mtdsgXml([{ name: 'Czechoslovakia', signature: '1990-05-02', consent: '1991-01-10' }, { name: 'Viet Nam', signature: '1990-05-02' }], { chapter: 'XIX', number: '99' }));
    const r = await run(['add', file, '--source', 'https://example.org/XIX-99', '--threshold', '3', '--days', '90', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ id: 'XIX-99', new_participants: 'X00' });
    expect(r.stderr).toContain('new participant without an ISO code: Czechoslovakia (X00)');
    const rows = JSON.parse((await run(['participants', '--treaty', 'XIX-99', '--json', '--as-of', '2026-01-01'], env)).stdout);
    expect(rows.find((p: { code: string }) => p.code === 'X00')).toMatchObject({ name: 'Czechoslovakia', status: 'consented', consent_type: 'ratification' });
    expect(JSON.parse((await run(['history', 'Czechoslovakia', '--json', '--as-of', '2026-01-01'], env)).stdout)).toHaveLength(2);
  });

  it('refuses a treaty already there, a missing rule, and a bad file, changing nothing', async () => {
    const env = freshEnv();
    const args = [join(FIXTURES, 'XXVI-9.en.xml'), '--source', 'https://example.org/tpnw', '--snapshot-date', '2018-01-15'];
    expect((await run(['add', ...args, '--threshold', '50', '--days', '90'], env)).code).toBe(0);
    const before = fingerprint(env.TREATY_DB!);
    expect(await run(['add', ...args, '--threshold', '50', '--days', '90'], env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: treaty XXVI-9 is already in the database\n/) });
    // The ATT's page gives only the date and the article: no rule to read, so the command line must give one.
    expect(await run(['add', join(FIXTURES, 'XXVI-8.en.xml')], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: .*XXVI-8\.en\.xml: the page does not state the rule of entry into force in words it can read\nhint: give the rule with --rule FILE/) });
    const broken = join(tempDir(), 'broken.xml');
    writeFileSync(broken, '<Document><Treaty>');
    expect((await run(['add', broken, '--source', 'https://example.org/x', '--threshold', '5', '--days', '90'], env)).code).toBe(1);
    const att = join(FIXTURES, 'XXVI-8.en.xml');
    expect(await run(['add', att, '--threshold', '0', '--days', '90'], env)).toMatchObject({ code: 2, stderr: 'error: --threshold: expected a whole number from 1 to 9999, got "0"\n' });
    expect(await run(['add', att, '--rule', 'nofile.json'], env)).toMatchObject({ code: 1, stderr: 'error: cannot read nofile.json: no such file\n' });
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('adds the TPNW as of January 2018 with nothing but the rule, on its way to 50', async () => {
    const env = freshEnv();
    const r = await run(['add', join(FIXTURES, 'XXVI-9.en.xml'), '--threshold', '50', '--days', '90'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe("added treaty XXVI-9 (Treaty on the Prohibition of Nuclear Weapons): 59 actions of 56 participants; the header's counts and date of entry into force agree");
    const s = JSON.parse((await run(['status', '--treaty', 'XXVI-9', '--json', '--as-of', '2018-01-15'], env)).stdout);
    // The page states no date; its latest date, 8 December 2017, is what its data can be said to cover.
    expect(s).toMatchObject({ data_as_of: '2017-12-08', signatories: 56, consents: 3, counted: 3, threshold: 50, remaining: 47, entry_into_force: { state: 'pending' } });
    expect(s.checks.map((c: { code: string }) => c.code)).toEqual(['data_stale']);
    expect(s.projection.based_on).toMatchObject({ counted: 3, until: '2017-12-08' });
    expect((await run(['status', '--treaty', 'XXVI-9', '--as-of', '2018-01-15'], env)).stdout).toContain('3 of 50');
  });

  it("keeps the depositary's declarations and objections as text", async () => {
    const env = freshEnv();
    await run(['add', join(FIXTURES, 'XXVI-8.en.xml'), '--threshold', '50', '--days', '90'], env);
    const Database = require('better-sqlite3');
    const db = new Database(env.TREATY_DB!, { readonly: true });
    const definition = JSON.parse((db.prepare("SELECT definition FROM treaties WHERE id = 'XXVI-8'").get() as { definition: string }).definition);
    db.close();
    expect(definition.depositary_texts).toHaveLength(5);
    expect(definition.depositary_texts[0]).toMatchObject({ kind: 'declaration', participant: expect.any(String), text: expect.stringMatching(/\w/) });
    expect(definition.depositary.url).toBe('https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-8');
  });

  it('--dry-run says what it would add and writes nothing', async () => {
    const env = freshEnv();
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(['add', join(FIXTURES, 'XXVI-9.en.xml'), '--source', 'https://example.org/tpnw', '--threshold', '50', '--days', '90', '--dry-run'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^would add treaty XXVI-9/);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });
});
