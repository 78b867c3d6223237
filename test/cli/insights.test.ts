// what-if, pace, explain, calendar and alerts: answers computed from the data, never written to it.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../helpers/files.js';
import { runMain as run } from '../helpers/run-main.js';
import { envWithDb as freshEnv } from '../helpers/seeded-db.js';

/** The whole logical content of a database: every action and every logged change. */
async function dump(env: Record<string, string>) {
  return (await run(['export', '--all-treaties', '--csv'], env)).stdout + (await run(['changes', '--with-seed', '--csv'], env)).stdout;
}

describe('treaty what-if', () => {
  it('adds hypothetical deposits to the real data, explains itself, and writes nothing', async () => {
    const env = freshEnv();
    const before = { file: fingerprint(env.TREATY_DB!), dump: await dump(env) };
    const r = await run(['what-if', '--deposit', 'Qatar:2026-12-15', '--deposit', 'Viet Nam:2027-01-10', '--deposit', 'EU:2027-01-11:approval', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ as_of: '2027-01-11', consents: 3, counted: 2, remaining: 38, entry_into_force: { state: 'pending' } });
    expect(s.hypotheses.map((h: { code: string }) => h.code)).toEqual(['QAT', 'VNM', 'EUU']);
    expect(s.explanation).toMatch(/European Union does not count: the instrument of a regional economic integration organization/);
    expect(fingerprint(env.TREATY_DB!)).toBe(before.file);
    expect(await dump(env)).toBe(before.dump);
  });

  it('with --add N --on DATE, names the instrument that would meet the threshold and the arithmetic', async () => {
    const env = freshEnv();
    const s = JSON.parse((await run(['what-if', '--add', '40', '--on', '2027-03-01', '--json'], env)).stdout);
    expect(s).toMatchObject({ counted: 40, threshold_reached_on: '2027-03-01', entry_into_force: { state: 'scheduled', date: '2027-05-30' } });
    expect(s.explanation).toBe("hypothetical State 40's instrument of 1 March 2027 is the 40th counted one: 2027-03-01 + 90 days = 2027-05-30.");
    const table = (await run(['what-if', '--add', '40', '--on', '2027-03-01'], env)).stdout;
    expect(table).toContain('what if, nothing stored');
    expect(table).toContain('scheduled for 30 May 2027');
  });

  it('gives a later party its own date', async () => {
    const env = freshEnv();
    const s = JSON.parse((await run(['what-if', '--add', '40', '--on', '2027-03-01', '--deposit', 'Qatar:2027-07-01', '--json'], env)).stdout);
    expect(s.hypotheses.find((h: { code: string }) => h.code === 'QAT').in_force_on).toBe('2027-07-31');
  });

  it.each([
    [['--deposit', 'Atlantis:2027-01-01'], 1, /^error: unknown participant "Atlantis"/],
    [['--deposit', 'Viet Nam:2025-01-01'], 1, /^error: 2025-01-01 is before Viet Nam's latest recorded action \(2026-01-28\)/],
    [['--deposit', 'Qatar:2027-02-30'], 2, /^error: --deposit: expected a real date/],
    [['--deposit', 'Qatar'], 2, /^error: --deposit: expected "participant:YYYY-MM-DD"/],
    [['--add', '3'], 2, /^error: --add and --on go together/],
    [[], 1, /^error: what-if needs a hypothesis/],
  ])('refuses %j with exit %i and changes nothing', async (args, code, stderr) => {
    const env = freshEnv();
    const before = fingerprint(env.TREATY_DB!);
    const r = await run(['what-if', ...args], env);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(stderr);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });

  it('refuses a participant that has already deposited', async () => {
    const env = freshEnv();
    await run(['record', 'Qatar', 'ratification', '2026-02-10', '--source', 'https://example.org/q'], env);
    expect(await run(['what-if', '--deposit', 'Qatar:2026-12-15'], env)).toMatchObject({ code: 1, stderr: 'error: Qatar (QAT) has already deposited: ratification on 2026-02-10\n' });
  });
});

describe('treaty pace', () => {
  it('puts treaties side by side by days since opening, with the day each met its threshold', async () => {
    const env = freshEnv();
    const rows = JSON.parse((await run(['pace', 'hanoi', 'budapest', '--json', '--as-of', '2026-11-23'], env)).stdout) as Record<string, unknown>[];
    expect(rows.filter((r) => r.treaty === 'XVIII-16').map((r) => r.day)).toEqual([30, 90, 180, 365]);
    expect(rows.find((r) => r.treaty === 'ets185' && r.event)).toEqual({ treaty: 'ets185', day: 846, date: '2004-03-18', signatories: 37, counted: 5, event: 'threshold of 5 met' });
    expect(rows.find((r) => r.treaty === 'ets185' && r.day === 365)).toMatchObject({ counted: 2 });
    const csv = (await run(['pace', 'budapest', '--csv', '--columns', 'day,counted', '--as-of', '2026-11-23'], env)).stdout.split('\n');
    expect(csv.slice(0, 3)).toEqual(['day,counted', '30,0', '90,0']);
  });

  it('gives on each day the figures status gives as of that day', async () => {
    const env = freshEnv();
    const rows = JSON.parse((await run(['pace', 'budapest', '--json', '--as-of', '2026-11-23'], env)).stdout) as { date: string; signatories: number; counted: number }[];
    for (const row of rows.filter((_, i) => i % 2 === 0 || i === rows.length - 1)) {
      const status = JSON.parse((await run(['status', '--treaty', 'budapest', '--as-of', row.date, '--json'], env)).stdout) as { signatories: number; counted: number };
      expect(row, row.date).toMatchObject({ signatories: status.signatories, counted: status.counted });
    }
  });
});

describe('treaty pace --treaty', () => {
  const env = freshEnv();
  const AS_OF = ['--as-of', '2026-11-23', '--json'];
  const json = async (args: string[]) => {
    const r = await run([...args, ...AS_OF], env);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>[];
  };

  it('shows the one treaty --treaty names, the same rows as naming it as an argument', async () => {
    const byOption = await json(['pace', '--treaty', 'budapest']);
    expect(new Set(byOption.map((r) => r.treaty))).toEqual(new Set(['ets185']));
    expect(byOption).toEqual(await json(['pace', 'budapest']));
  });

  it('takes both when they name the same treaty, by any alias', async () => {
    expect(await json(['pace', 'hanoi', '--treaty', 'XVIII-16'])).toEqual(await json(['pace', '--treaty', 'cybercrime']));
  });

  it('exits 2 with one line when the arguments name another treaty than --treaty', async () => {
    for (const args of [['pace', 'hanoi', '--treaty', 'budapest'], ['pace', 'budapest', 'hanoi', '--treaty', 'budapest']]) {
      const r = await run([...args, ...AS_OF], env);
      expect(r, args.join(' ')).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(/^error: pace: --treaty budapest and the argument hanoi name different treaties; name them all as arguments \(treaty pace (hanoi budapest|budapest hanoi)\) or one with --treaty\n$/);
    }
  });

  it('an unknown --treaty is exit 1 with the known ones, as for other commands', async () => {
    const r = await run(['pace', '--treaty', 'nope', ...AS_OF], env);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^error: unknown treaty "nope"\n/);
  });
});

describe('treaty explain', () => {
  it('gives the rule, the counted instruments in order, the decisive one and the arithmetic', async () => {
    const env = freshEnv();
    const e = JSON.parse((await run(['explain', '--treaty', 'budapest', '--as-of', '2004-07-01', '--json'], env)).stdout);
    expect(e.counted.map((c: { code: string }) => c.code)).toEqual(['ALB', 'HRV', 'EST', 'HUN', 'LTU', 'ROU']);
    expect(e.decisive).toEqual({ code: 'LTU', name: 'Lithuania', date: '2004-03-18' });
    expect(e.arithmetic).toBe('2004-03-18 + 3 months, then the first day of the next month = 2004-07-01');
    expect(e.rule).toMatch(/at least 3 of them from member States of the Council of Europe/);
    const table = (await run(['explain', '--as-of', '2026-11-23'], env)).stdout;
    expect(table).toContain('No counted instrument yet.');
    expect(table).toContain('40 more counted instruments needed');
  });
});

describe('treaty calendar', () => {
  it('writes an iCalendar file that a calendar parser reads: entry into force, later parties, the signature deadline', async () => {
    const env = freshEnv();
    const r = await run(['calendar', '--all-treaties', '--as-of', '2026-11-23'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    for (const line of r.stdout.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(r.stdout));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.get('ets185-entry-into-force@treaty')?.startDate.toString()).toBe('2004-07-01');
    expect(byUid.get('ets185-entry-into-force@treaty')?.startDate.isDate).toBe(true);
    expect(byUid.get('XVIII-16-signature-closes@treaty')?.summary).toBe('UN Convention against Cybercrime: last day to sign');
    expect(byUid.get('ets185-ROU-in-force@treaty')?.startDate.toString()).toBe('2004-09-01');
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('writes nothing to the database', async () => {
    const env = freshEnv();
    const before = fingerprint(env.TREATY_DB!);
    await run(['calendar'], env);
    await run(['pace'], env);
    await run(['explain'], env);
    expect(fingerprint(env.TREATY_DB!)).toBe(before);
  });
});

describe('alerts for scripts', () => {
  it('changes --since-last remembers where it stopped, and exits 3 when there is nothing new', async () => {
    const env = freshEnv();
    expect(await run(['changes', '--since-last', '--json'], env)).toMatchObject({ code: 3, stdout: '[]\n' });
    await run(['record', 'Qatar', 'ratification', '2026-02-10', '--source', 'https://example.org/q'], env);
    const first = await run(['changes', '--since-last', '--json'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).map((c: { key: string }) => c.key)).toEqual(['XVIII-16|QAT|ratification|2026-02-10']);
    expect((await run(['changes', '--since-last', '--json'], env)).code).toBe(3);
  });

  it('changes --since DATE exits 3 when nothing changed since then, 0 otherwise', async () => {
    const env = freshEnv();
    expect((await run(['changes', '--since', '2000-01-01'], env)).code).toBe(3);
    await run(['record', 'Qatar', 'ratification', '2026-02-10', '--source', 'https://example.org/q'], env);
    expect((await run(['changes', '--since', '2000-01-01'], env)).code).toBe(0);
    expect((await run(['changes', '--since', '2199-01-01'], env)).code).toBe(3);
  });

  it('documents the exit code in --help', async () => {
    expect((await run(['changes', '--help'], freshEnv())).stdout).toMatch(/0 when there are changes, 3 when there are none/);
  });
});

describe('domestic steps and the depositary cross-check', () => {
  it('participants show the latest domestic step; status counts the pipeline; what-if can take it', async () => {
    const env = freshEnv();
    const rows = JSON.parse((await run(['participants', '--json', '--as-of', '2026-11-23'], env)).stdout) as { code: string; latest_step: string | null; latest_step_on: string | null }[];
    expect(rows.find((r) => r.code === 'AZE')).toMatchObject({ latest_step: 'domestic_law', latest_step_on: '2026-02-23' });
    expect(JSON.parse((await run(['status', '--json', '--as-of', '2026-11-23'], env)).stdout).pipeline).toBe(4);
    expect(JSON.parse((await run(['status', '--json', '--as-of', '2026-01-01'], env)).stdout).pipeline).toBe(0);
    const w = JSON.parse((await run(['what-if', '--pipeline', '2027-01-15', '--json'], env)).stdout);
    expect(w.hypotheses.map((h: { code: string }) => h.code).sort()).toEqual(['AZE', 'EUU', 'RUS', 'VNM']);
    expect(w).toMatchObject({ consents: 4, counted: 3 });
  });

  it('records a domestic step like any action; it never counts', async () => {
    const env = freshEnv();
    expect((await run(['record', 'Qatar', 'domestic_approval', '2026-01-20', '--source', 'https://example.org/q'], env)).code).toBe(0);
    expect(JSON.parse((await run(['status', '--json', '--as-of', '2026-11-23'], env)).stdout)).toMatchObject({ counted: 0, pipeline: 5 });
  });

  it('status warns, and says in JSON, when the rows disagree with the depositary\'s counts', async () => {
    const env = freshEnv();
    const codes = (r: { stdout: string }) => JSON.parse(r.stdout).checks.map((c: { code: string }) => c.code);
    expect(codes((await run(['status', '--json', '--as-of', '2025-12-01'], env)))).toEqual([]);
    await run(['record', 'Canada', 'signature', '2025-11-01', '--source', 'https://example.org/c'], env);
    const r = (await run(['status', '--json', '--as-of', '2025-12-01'], env));
    // JSON carries the checks as objects; people read them on stderr.
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).checks).toEqual([
      { code: 'signatories_differ', message: 'on 2025-11-16 the depositary counted 72 signatories; the rows give 73', date: '2025-11-16', depositary: 72, rows: 73 },
    ]);
    expect((await run(['status', '--as-of', '2025-12-01'], env)).stderr).toBe('warning: on 2025-11-16 the depositary counted 72 signatories; the rows give 73\n');
    const check = JSON.parse((await run(['db', 'check', '--json'], env)).stdout).find((c: { check: string }) => c.check === 'depositary_counts_XVIII-16');
    expect(check.value).toBe('on 2025-11-16 the depositary counted 72 signatories; the rows give 73');
  });
});

describe('treaty timeline', () => {
  it('gives the series of cumulative counts for programs', async () => {
    const env = freshEnv();
    const series = JSON.parse((await run(['timeline', '--treaty', 'budapest', '--as-of', '2004-12-31', '--json'], env)).stdout) as { date: string; signatories: number; counted: number }[];
    expect(series[0]).toEqual({ date: '2001-11-23', signatories: 30, counted: 0 });
    expect(series.find((p) => p.date === '2004-03-18')).toEqual({ date: '2004-03-18', signatories: 37, counted: 5 });
    expect(series.every((p, i) => i === 0 || (p.date > series[i - 1]!.date && p.counted >= series[i - 1]!.counted && p.signatories >= series[i - 1]!.signatories))).toBe(true);
    const csv = (await run(['timeline', '--treaty', 'budapest', '--as-of', '2004-12-31', '--csv'], env)).stdout.split('\n');
    expect(csv[0]).toBe('date,signatories,counted');
  });

  it('ends on the figures status gives, parties known only from the depositary included', async () => {
    const env = freshEnv();
    for (const [treaty, asOf] of [['budapest', '2004-12-31'], ['budapest', '2012-01-01'], ['budapest', '2026-01-14'], ['hanoi', '2025-11-16']] as const) {
      const series = JSON.parse((await run(['timeline', '--treaty', treaty, '--as-of', asOf, '--json'], env)).stdout) as { signatories: number; counted: number }[];
      const status = JSON.parse((await run(['status', '--treaty', treaty, '--as-of', asOf, '--json'], env)).stdout) as { signatories: number; counted: number };
      expect(series.at(-1), `${treaty} ${asOf}`).toMatchObject({ signatories: status.signatories, counted: status.counted });
    }
  });

  it('draws a chart with the threshold and the entry into force marked, without colour in a pipe', async () => {
    const env = freshEnv();
    const r = await run(['timeline', '--treaty', 'budapest', '--as-of', '2012-01-01'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).toContain('─ threshold (5)');
    expect(r.stdout).toContain('│ entry into force 2004-07-01');
    expect(r.stdout).toContain('█ counted instruments (29)');
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });
});
