// treaty edit and treaty drop: each field edited, a treaty removed only with --yes, both logged and
// undone, kept by db update; bad input changes no byte. And sync for an added treaty.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fingerprint } from '../helpers/files.js';
import { ROOT } from '../helpers/run-cli.js';
import { runMain as run } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'mtdsg');
const ATT_XML = 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XXVI/XXVI-8.en.xml';

async function withAtt() {
  const env = envWithDb();
  const r = await run(['add', join(FIXTURES, 'XXVI-8.en.xml'), '--threshold', '50', '--days', '90', '--alias', 'att', '--snapshot-date', '2018-01-15'], env);
  expect(r.code, r.stderr).toBe(0);
  return env;
}

const definition = async (env: Record<string, string>, treaty: string) => {
  const { openStoreForTest } = await import('../helpers/store-read.js');
  return openStoreForTest(env.TREATY_DB!, treaty);
};

const status = async (env: Record<string, string>, treaty: string, asOf = '2018-01-15') => JSON.parse((await run(['status', '--treaty', treaty, '--json', '--as-of', asOf], env)).stdout);
/** The newest change set. */
const lastChange = async (env: Record<string, string>) => (JSON.parse((await run(['changes', '--json'], env)).stdout) as { id: number; command: string }[]).at(-1)!;

describe('treaty edit', () => {
  it('changes the rule with the flags add takes, and says what it changed in words', async () => {
    const env = await withAtt();
    const r = await run(['edit', 'att', '--threshold', '40', '--months', '3', '--first-of-month', '--later-days', '30', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const [row] = JSON.parse(r.stdout);
    expect(row.field).toBe('rule');
    expect(row.after).toMatch(/^Enters into force 3 months, then the first day of the next month after the 40th instrument/);
    expect(row.before).toMatch(/^Enters into force 90 days after the 50th instrument/);
    const rule = (await definition(env, 'XXVI-8')).rule;
    expect(rule).toMatchObject({ threshold: 40, delay: { months: 3, then: 'first_of_next_month' }, later: { delay: { days: 30 }, not_before_entry_into_force: true } });
    expect(r.stderr).toMatch(/^edited treaty XXVI-8: rule; treaty undo reverses it/);
  });

  it('changes the rule from a rule file', async () => {
    const env = await withAtt();
    const file = join(env.HOME!, 'rule.json');
    const rule = { ...(await definition(env, 'XXVI-8')).rule, threshold: 45 };
    (await import('node:fs')).writeFileSync(file, JSON.stringify(rule));
    expect((await run(['edit', 'att', '--rule', file], env)).code).toBe(0);
    expect((await definition(env, 'XXVI-8')).rule.threshold).toBe(45);
  });

  it('changes the titles, the aliases and the status-page address', async () => {
    const env = await withAtt();
    const r = await run(['edit', 'XXVI-8', '--title', 'The Arms Trade Treaty', '--short-title', 'ATT', '--alias', 'arms-trade', '--remove-alias', 'att', '--status-page', 'https://example.org/att.xml'], env);
    expect(r.code, r.stderr).toBe(0);
    const t = await definition(env, 'XXVI-8');
    expect(t).toMatchObject({ title: 'The Arms Trade Treaty', short_title: 'ATT', aliases: ['arms-trade'], depositary: { status_xml: 'https://example.org/att.xml' } });
    expect((await run(['status', '--treaty', 'arms-trade', '--json'], env)).code).toBe(0);
    expect((await run(['status', '--treaty', 'att', '--json'], env)).stderr).toMatch(/unknown treaty "att"/);
  });

  it('changes the signature window: a closing date, unknown, or none', async () => {
    const env = await withAtt();
    expect((await run(['edit', 'att', '--opens', '2013-06-03', '--closes', '2014-12-23'], env)).code).toBe(0);
    expect((await status(env, 'att', '2014-06-01')).signature).toMatchObject({ opens_on: '2013-06-03', closes_on: '2014-12-23', closes: 'on_date', open: true });
    expect((await run(['edit', 'att', '--closes', 'unknown'], env)).code).toBe(0);
    expect((await status(env, 'att')).signature).toMatchObject({ closes_on: null, closes: 'not_stated', open: null });
    expect((await run(['edit', 'att', '--closes', 'none'], env)).code).toBe(0);
    expect((await status(env, 'att')).signature).toMatchObject({ closes_on: null, closes: 'never', open: true });
  });

  it('says "no change" for flags that say what the treaty already says, and logs nothing', async () => {
    const env = await withAtt();
    const before = await lastChange(env);
    const r = await run(['edit', 'att', '--threshold', '50', '--days', '90'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no change to treaty XXVI-8/);
    expect((await lastChange(env)).id).toBe(before.id);
  });

  it('--dry-run says what would change and changes no byte', async () => {
    const env = await withAtt();
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(['edit', 'att', '--title', 'Another title', '--dry-run', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ field: 'title', before: 'Arms Trade Treaty', after: 'Another title' }]);
    expect(r.stderr).toMatch(/^would edit treaty XXVI-8: title/);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('is undone by treaty undo, and a later edit of the same field must be undone first', async () => {
    const env = await withAtt();
    const original = await definition(env, 'XXVI-8');
    await run(['edit', 'att', '--threshold', '40'], env);
    const first = await lastChange(env);
    expect(first).toMatchObject({ command: 'treaty edit att --threshold 40' });
    await run(['edit', 'att', '--threshold', '45'], env);
    const second = await lastChange(env);
    const refused = await run(['undo', String(first.id)], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`error: set ${first.id} cannot be undone: set ${second.id} changed the same rows since\nhint: undo set ${second.id} first\n`);
    expect((await run(['undo', String(second.id)], env)).code).toBe(0);
    expect((await run(['undo', String(first.id)], env)).code).toBe(0);
    expect(await definition(env, 'XXVI-8')).toEqual(original);
  });

  it('undoes an edit of one field once a later edit of the same treaty (another field) is undone', async () => {
    const env = await withAtt();
    await run(['edit', 'att', '--threshold', '40'], env);
    const rule = await lastChange(env);
    await run(['edit', 'att', '--short-title', 'ATT'], env);
    const title = await lastChange(env);
    // A set is undone whole, row by row: the later edit rewrote the same treaty row.
    expect(await run(['undo', String(rule.id)], env)).toMatchObject({ code: 1, stderr: expect.stringContaining(`hint: undo set ${title.id} first`) });
    expect((await run(['undo', String(title.id)], env)).code).toBe(0);
    expect((await run(['undo', String(rule.id)], env)).code).toBe(0);
    expect(await definition(env, 'XXVI-8')).toMatchObject({ rule: { threshold: 50 } });
  });

  it.each([
    [['edit', 'no-such-treaty', '--title', 'X'], 1, /unknown treaty "no-such-treaty"/],
    [['edit', 'att'], 2, /nothing to edit/],
    [['edit', 'att', '--opens', '31/12/2013'], 2, /--opens: expected a real date like 2025-10-25, got "31\/12\/2013"/],
    [['edit', 'att', '--closes', 'someday'], 2, /--closes: expected a real date like 2025-10-25, or unknown or none, got "someday"/],
    [['edit', 'att', '--closes', '2013-02-30'], 2, /--closes: expected a real date/],
    [['edit', 'att', '--opens', '2014-01-01', '--closes', '2013-12-31'], 2, /--closes 2013-12-31 is before --opens 2014-01-01/],
    [['edit', 'att', '--closes', '2000-01-01'], 1, /signature\.closes_on: closes before it opens/],
    [['edit', 'att', '--days', '30', '--months', '3'], 2, /give one delay, not both/],
    [['edit', 'att', '--first-of-month'], 2, /--first-of-month goes with --months/],
    [['edit', 'att', '--remove-alias', 'hanoi'], 1, /"hanoi" is not an alias of XXVI-8/],
    [['edit', 'att', '--alias', 'hanoi'], 1, /the alias "hanoi" is already treaty XVIII-16's/],
    [['edit', 'att', '--threshold', 'many'], 2, /--threshold: expected a whole number/],
    [['edit', 'att', '--threshold', '0'], 2, /^error: --threshold: expected a whole number from 1 to 9999, got "0"\n$/],
    [['edit', 'att', '--rule', 'nofile.json'], 1, /^error: cannot read nofile\.json: no such file\n$/],
  ])('refuses %j with exit %i and changes no byte', async (args, code, message) => {
    const env = await withAtt();
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(args as string[], env);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });
});

describe('treaty drop', () => {
  it('without --yes says what it would remove, removes nothing, and fails', async () => {
    const env = await withAtt();
    const before = fingerprint(env.TREATY_DB!);
    for (const terminal of [{ isTTY: false }, { isTTY: true, columns: 100 }]) {
      const r = await run(['drop', 'att'], env, terminal);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: treaty drop XXVI-8 would remove XXVI-8 \(Arms Trade Treaty\) with 1 alias, 246 actions, 0 published dates, 0 reports, \d+ kept checks?; nothing was removed\nhint: give --yes/);
    }
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('with --yes removes the treaty and all under it; undo brings it back as it was', async () => {
    const env = await withAtt();
    const was = await status(env, 'att');
    const r = await run(['drop', 'att', '--yes', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ treaty: 'XXVI-8', aliases: 1, actions: 246, published: 0, reports: 0, checks: expect.any(Number) }]);
    expect((await run(['status', '--treaty', 'att'], env)).stderr).toMatch(/unknown treaty "att"/);
    expect((await run(['export', '--treaty', 'XXVI-8', '--json'], env)).code).toBe(1);
    const drop = await lastChange(env);
    expect(drop).toMatchObject({ command: 'treaty drop att --yes --json' });
    const undone = await run(['undo', String(drop.id)], env);
    expect(undone.code, undone.stderr).toBe(0);
    expect(undone.stderr).toMatch(new RegExp(`^undid set ${drop.id} \\(treaty drop att --yes --json\\) as set \\d+: \\d+ added, 0 changed, 0 removed\\n$`));
    expect(await status(env, 'att')).toEqual(was);
  });

  it('is undone after a later add took the ids of the rows it removed', async () => {
    const env = await withAtt();
    const was = await run(['export', '--treaty', 'att', '--csv'], env);
    expect((await run(['drop', 'att', '--yes'], env)).code).toBe(0);
    const drop = await lastChange(env);
    // SQLite hands the dropped actions' ids to the next rows written: the Kinshasa Convention's.
    expect((await run(['add', join(FIXTURES, 'XXVI-7.en.xml')], env)).code).toBe(0);
    const kinshasa = await run(['export', '--treaty', 'XXVI-7', '--csv'], env);
    const undone = await run(['undo', String(drop.id)], env);
    expect(undone.code, undone.stderr).toBe(0);
    expect((await run(['export', '--treaty', 'att', '--csv'], env)).stdout).toBe(was.stdout);
    expect((await run(['export', '--treaty', 'XXVI-7', '--csv'], env)).stdout).toBe(kinshasa.stdout);
  });

  it('refuses an unknown treaty', async () => {
    const r = await run(['drop', 'nothing-here', '--yes'], envWithDb());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown treaty "nothing-here"/);
  });
});

describe('treaty db update after an edit or a drop', () => {
  it('keeps the fields a user edited and takes the rest from the release', async () => {
    const env = envWithDb();
    expect((await run(['edit', 'budapest', '--short-title', 'My Budapest', '--alias', 'my-budapest'], env)).code).toBe(0);
    const r = await run(['db', 'update'], env);
    expect(r.code, r.stderr).toBe(0);
    const t = await definition(env, 'ets185');
    expect(t.short_title).toBe('My Budapest');
    expect(t.aliases).toContain('my-budapest');
  });

  it('leaves an edit undoable after an update: undo puts back only the fields it edited', async () => {
    const env = envWithDb();
    const original = await definition(env, 'ets185');
    expect((await run(['edit', 'budapest', '--short-title', 'My Budapest'], env)).code).toBe(0);
    const edit = await lastChange(env);
    expect((await run(['db', 'update'], env)).code).toBe(0);
    const r = await run(['undo', String(edit.id)], env);
    expect(r.code, r.stderr).toBe(0);
    expect(await definition(env, 'ets185')).toEqual(original);
    // Undone, the field is the release's again: the next update may refresh it.
    expect((await run(['db', 'update'], env)).code).toBe(0);
    expect((await definition(env, 'ets185')).short_title).toBe(original.short_title);
  });

  it('never brings back a dropped treaty, its actions or its dates', async () => {
    const env = envWithDb();
    expect((await run(['drop', 'budapest', '--yes'], env)).code).toBe(0);
    const r = await run(['db', 'update', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).find((m: { merged: string }) => m.merged === 'actions').count).toBe(0);
    expect((await run(['status', '--treaty', 'budapest'], env)).code).toBe(1);
  });
});

describe('an added treaty and treaty sync', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gets its status-page address from chapter and number, and sync --treaty reads it', async () => {
    const env = await withAtt();
    expect((await definition(env, 'XXVI-8')).depositary.status_xml).toBe(ATT_XML);
    const asked: string[] = [];
    const page = readFileSync(join(FIXTURES, 'XXVI-8.en.xml'));
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(String(url));
      return new Response(page, { status: 200 });
    });
    const r = await run(['sync', '--treaty', 'att', '--dry-run'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(asked).toEqual([ATT_XML]);
    expect(r.stderr).toMatch(/would import from .*: 0 added, 0 changed, 0 removed, 246 unchanged/);
  });

  it('sync --from FILE --source URL records that source on the rows it adds', async () => {
    const env = await withAtt();
    const albania = JSON.parse((await run(['history', 'Albania', '--treaty', 'att', '--json'], env)).stdout)[0];
    expect((await run(['remove', 'Albania', 'signature', albania.date, '--treaty', 'att'], env)).code).toBe(0);
    const r = await run(['sync', '--treaty', 'att', '--from', join(FIXTURES, 'XXVI-8.en.xml'), '--source', 'https://example.org/saved/XXVI-8.xml'], env);
    expect(r.code, r.stderr).toBe(0);
    const back = JSON.parse((await run(['history', 'Albania', '--treaty', 'att', '--json'], env)).stdout)[0];
    expect(back).toMatchObject({ action: 'signature', date: albania.date, source: 'https://example.org/saved/XXVI-8.xml' });
    const alone = await run(['sync', '--source', 'https://example.org/x.xml'], env);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--source goes with --from/);
  });
});

describe('a later party whose date the rule does not give', () => {
  it('is left empty with the coded check later_rule_unknown, until edit gives the delay', async () => {
    const env = envWithDb();
    expect((await run(['add', join(FIXTURES, 'XXVI-7.en.xml')], env)).code).toBe(0);
    const s = await status(env, 'XXVI-7');
    expect(s.checks.find((c: { code: string }) => c.code === 'later_rule_unknown')).toEqual({
      code: 'later_rule_unknown',
      message: expect.stringMatching(/^the rule does not say when the treaty enters into force for a later party: the date of 1 party is left empty \(STP\)/),
      parties: 1,
      codes: ['STP'],
    });
    const stp = JSON.parse((await run(['participants', '--treaty', 'XXVI-7', '--json', '--as-of', '2018-01-15'], env)).stdout).find((p: { code: string }) => p.code === 'STP');
    expect(stp).toMatchObject({ in_force_on: null, status: 'consented' });
    expect((await run(['edit', 'XXVI-7', '--later-days', '30'], env)).code).toBe(0);
    const after = await status(env, 'XXVI-7');
    expect(after.checks.map((c: { code: string }) => c.code)).not.toContain('later_rule_unknown');
  });
});
