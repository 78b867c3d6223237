// Reports in history and explain (issue 19): a claim by a source that is not the depositary is shown
// apart from the actions, with its grade, and never enters a count or the list of actions.
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const env = envWithDb();
const AS_OF = ['--as-of', '2026-11-23'];

async function run(args: string[]) {
  const r = await runMain([...args, ...AS_OF], env);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

type Row = Record<string, unknown>;

describe('history shows reports apart from actions', () => {
  it('the table says "reported: …, grade" under the heading and keeps them out of the actions table', async () => {
    const r = await run(['history', 'Qatar', '--treaty', 'hanoi']);
    const [heading, table] = [r.stdout.slice(0, r.stdout.indexOf('┌')), r.stdout.slice(r.stdout.indexOf('┌'))];
    expect(heading).toContain("reported: ratification by March 2026, news; not in the depositary's data (XVIII-16, source: https://machineherald-io.pages.dev/");
    expect(heading).toContain("reported: ratification on 10 April 2026, aggregator; not in the depositary's data (XVIII-16, source: https://github.com/");
    // The actions table holds Qatar's one signature, and no row or column of a report.
    expect(table).toContain('signature');
    expect(table).not.toContain('ratification');
    expect(table).not.toMatch(/grade|claim|aggregator/);
  });

  it('a participant with only a report has no action recorded, and says where the claim comes from', async () => {
    const r = await run(['history', 'Canada', '--treaty', 'hanoi']);
    expect(r.stdout).toContain('XVIII-16 UN Convention against Cybercrime: status none');
    expect(r.stdout).toContain("reported: signature by July 2026, aggregator; not in the depositary's data (XVIII-16, source: https://www.canada.ca/");
    expect(r.stdout).toContain('No action recorded by the depositary or another dated source.');
  });

  it('JSON gives each report a row of its own after the actions: action null, the claim, its precision and grade', async () => {
    const rows = JSON.parse((await run(['history', 'Qatar', '--treaty', 'hanoi', '--json'])).stdout) as Row[];
    expect(rows.map((r) => [r.date, r.action, r.claim, r.precision, r.grade])).toEqual([
      ['2025-10-25', 'signature', null, null, null],
      ['2026-03-31', null, 'ratification', 'month', 'news'],
      ['2026-04-10', null, 'ratification', 'day', 'aggregator'],
    ]);
    // A report leaves the participant's standing as the depositary's data gives it.
    for (const row of rows) expect(row).toMatchObject({ code: 'QAT', treaty: 'XVIII-16', status: 'signed', in_force_on: null, reference: null });
  });

  it('CSV has the report columns last, empty on the rows of actions', async () => {
    const lines = (await run(['history', 'Qatar', '--treaty', 'hanoi', '--csv'])).stdout.trim().split('\n');
    expect(lines[0]).toBe('code,name,treaty,date,action,reference,source,note,status,in_force_on,claim,precision,grade');
    expect(lines[1]).toMatch(/^QAT,Qatar,XVIII-16,2025-10-25,signature,.*,signed,,,,$/);
    expect(lines[2]).toMatch(/^QAT,Qatar,XVIII-16,2026-03-31,,,https:.*,signed,,ratification,month,news$/);
  });

  it('a report dated after the as-of date is not shown', async () => {
    const r = await runMain(['history', 'Canada', '--treaty', 'hanoi', '--as-of', '2026-06-30', '--json'], env);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('reports never enter a count: status and participants keep the depositary\'s figures', async () => {
    const status = JSON.parse((await run(['status', '--json'])).stdout) as Row;
    expect(status).toMatchObject({ consents: 0, counted: 0 });
    const canada = (JSON.parse((await run(['participants', '--all', '--json'])).stdout) as Row[]).find((p) => p.code === 'CAN');
    expect(canada).toMatchObject({ status: 'none', signed_on: null });
  });
});

describe('explain lists the reports that bear on the count, after the facts', () => {
  it('names the reported ratifications with their grades, never numbered among the counted', async () => {
    const r = await run(['explain']);
    expect(r.stdout).toContain('No counted instrument yet.');
    expect(r.stdout).toContain("Reported, not in the depositary's data (never counted):");
    expect(r.stdout).toContain('reported: Qatar: ratification by March 2026, news (source: https://machineherald-io.pages.dev/');
    expect(r.stdout).toContain('reported: Azerbaijan: ratification on 21 May 2026, news');
    // A reported signature is not about the count of instruments.
    expect(r.stdout).not.toContain('Canada');
  });

  it('JSON has them in `reported` (data, no sentence) and none in `counted`', async () => {
    const e = JSON.parse((await run(['explain', '--json'])).stdout) as { counted: unknown[]; reported: Row[] };
    expect(e.counted).toEqual([]);
    expect(e.reported.map((r) => [r.date, r.code, r.name, r.claim, r.grade])).toEqual([
      ['2026-03-31', 'QAT', 'Qatar', 'ratification', 'news'],
      ['2026-04-10', 'QAT', 'Qatar', 'ratification', 'aggregator'],
      ['2026-04-10', 'VNM', 'Viet Nam', 'ratification', 'aggregator'],
      ['2026-05-21', 'AZE', 'Azerbaijan', 'ratification', 'news'],
    ]);
    for (const r of e.reported) expect(Object.keys(r)).not.toContain('words');
  });

  it('a treaty without reports has an empty `reported` and no such section', async () => {
    const r = await run(['explain', '--treaty', 'budapest']);
    expect(r.stdout).not.toContain('Reported');
    expect((JSON.parse((await run(['explain', '--treaty', 'budapest', '--json'])).stdout) as { reported: unknown[] }).reported).toEqual([]);
  });
});
