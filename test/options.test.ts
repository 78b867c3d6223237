// The value-parsing layer, parser by parser: what each kind accepts, and the one line (exit 2) with
// which it refuses the rest. Plain values; no process, no database.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { choice, columnNames, date, deposit, group, integer, participant, path, seconds, text, treaty, url, urlOrPath, type ValueKind } from '../src/options.js';
import { flag, listOption, negatable, option, repeatedOption, requiredOption } from '../src/options-spec.js';

function refusal(kind: ValueKind<unknown>, raw: string): string {
  try {
    kind.parse(raw, '--x');
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).exitCode).toBe(2);
    return (e as UsageError).message;
  }
  throw new Error(`"${raw}" was accepted`);
}

const KINDS: [string, ValueKind<unknown>, [string, unknown][], string[]][] = [
  ['date', date(), [['2025-10-25', '2025-10-25'], ['2024-02-29', '2024-02-29']], ['31/12/2025', '2025-02-29', '2025-13-01', '2025-1-5', '']],
  ['choice', choice(['table', 'csv'] as const), [['csv', 'csv']], ['CSV', 'xml', '']],
  ['integer', integer(1, 999), [['1', 1], ['999', 999], ['038', 38]], ['0', '1000', '-3', '2.5', 'ten', '', '1e3']],
  ['seconds', seconds(3600), [['30', 30], ['2.5', 2.5]], ['0', '3601', '30s', '-1', '']],
  ['text', text('a note'), [['  a note ', 'a note']], ['', '   ']],
  ['path', path(), [['a b.csv', 'a b.csv'], ['-', '-']], ['', ' ']],
  ['url', url(), [['https://treaties.un.org/x', 'https://treaties.un.org/x'], [' http://a.org/1  https://b.org/2 ', 'http://a.org/1 https://b.org/2']], ['treaties.un.org', 'ftp://a.org/x', 'https://a.org/x nonsense', '']],
  ['url or path', urlOrPath(), [['page.xml', 'page.xml'], ['https://a.org/p.xml', 'https://a.org/p.xml']], ['', 'ftp://a.org/p.xml']],
  ['participant', participant(), [['Viet Nam', 'Viet Nam'], [' VN ', 'VN']], ['', '  ']],
  ['treaty', treaty(), [['hanoi', 'hanoi']], ['', ' ']],
  ['group', group(), [['WEOG', { kind: 'un_group', value: 'Western European and other States' }], ['eu_member', { kind: 'membership', value: 'eu_member' }]], ['Oceania', '']],
  ['columns', columnNames(), [['consent_on', 'consent_on']], ['', 'a b', 'code;name']],
  ['deposit', deposit(['ratification', 'accession'] as const, 'ratification'), [
    ['Qatar:2026-12-15', { participant: 'Qatar', date: '2026-12-15', action: 'ratification' }],
    ['Viet Nam:2027-01-10:accession', { participant: 'Viet Nam', date: '2027-01-10', action: 'accession' }],
  ], ['Qatar', 'Qatar:2027-02-30', 'Qatar:2026-12-15:signature', ':2026-12-15', '']],
];

describe.each(KINDS)('the %s parser', (_name, kind, good, bad) => {
  it.each(good)('accepts %j', (raw, value) => expect(kind.parse(raw, '--x')).toEqual(value));
  it.each(bad)('refuses %j in one line naming the option, the value and what is allowed', (raw) => {
    const message = refusal(kind, raw);
    expect(message.startsWith('--x: expected ')).toBe(true);
    // A deposit with a date that does not exist names the date alone.
    expect(message).toContain(`"${raw === 'Qatar:2027-02-30' ? '2027-02-30' : raw}"`);
    expect(message).not.toContain('\n');
  });
  it('refuses its own malformed sample and accepts its own good one', () => {
    refusal(kind, kind.malformed);
    expect(() => kind.parse(kind.sample, '--x')).not.toThrow();
  });
  it('names the choices when it has them', () => {
    if (kind.choices) expect(refusal(kind, kind.malformed)).toMatch(kind.kind === 'group' ? /African States/ : new RegExp(kind.choices.join(', ')));
    else expect(kind.choices).toBeUndefined();
  });
});

describe('options built from a kind', () => {
  it('a flag is true when given, false when not; --no-x is the other way round', () => {
    expect([flag('').finish([], '--x'), flag('').finish(undefined, '--x')]).toEqual([true, false]);
    expect([negatable('').finish([], '--no-x'), negatable('').finish(undefined, '--no-x')]).toEqual([false, true]);
  });
  it('a single value: the last one given wins, as in commander', () => {
    expect(option(date(), '<d>', '').finish(['2025-01-01', '2026-01-01'], '--on')).toBe('2026-01-01');
    expect(option(date(), '<d>', '').finish(undefined, '--on')).toBeUndefined();
  });
  it('a list: comma-separated and repeated, every word checked', () => {
    const o = listOption(choice(['a', 'b', 'c'] as const), '<list>', '');
    expect(o.finish(['a,b', 'c'], '--s')).toEqual(['a', 'b', 'c']);
    expect(() => o.finish(['a,,b'], '--s')).toThrow(/^--s: expected one of a, b, c, got ""$/);
    expect(() => o.finish(['a', 'd'], '--s')).toThrow(/^--s: expected one of a, b, c, got "d"$/);
  });
  it('a repeated option keeps each value whole, commas included', () => {
    expect(repeatedOption(text('a name'), '<n>', '').finish(['a, b', 'c'], '--alias')).toEqual(['a, b', 'c']);
    expect(repeatedOption(text('a name'), '<n>', '').finish(undefined, '--alias')).toEqual([]);
  });
  it('a required option missing is a usage error', () => {
    expect(() => requiredOption(url(), '<url>', '').finish(undefined, '--source')).toThrow(UsageError);
  });
});
