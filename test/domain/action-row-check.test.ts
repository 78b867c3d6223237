// The hand-written row check of the import is the zod schema's equal: the same rows accepted with the
// same output, the same rows refused on the same field (the first issue zod reports).
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { checkActionRow } from '../../src/domain/action-row-check.js';
import { MAX_FIELD_LENGTH } from '../../src/domain/limits.js';
import { ActionRowSchema } from '../../src/domain/schemas.js';
import { ACTIONS } from '../../src/domain/vocabulary.js';

const long = (n: number) => 'a'.repeat(n);
const noise = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}), fc.string());
const text = fc.oneof(fc.constantFrom('', ' ', '\t\n', ' x ', 'C.N.12.2025.TREATIES-XVIII.16', long(MAX_FIELD_LENGTH), long(MAX_FIELD_LENGTH + 1), ` ${long(MAX_FIELD_LENGTH - 1)}`), fc.string({ maxLength: 30 }));
const field = {
  treaty: fc.oneof(fc.constantFrom('XVIII-16', 'SYN-001', 'a.b_c-d', '-x', '', 'X 1', 'é'), fc.stringMatching(/^[A-Za-z0-9.\- _]{0,6}$/), noise),
  code: fc.oneof(fc.constantFrom('VNM', 'EUU', 'X01', 'XAB', 'vnm', 'VN', 'VNMM', 'Y01', ' VNM'), fc.stringMatching(/^[A-Z0-9a-z]{2,4}$/), noise),
  action: fc.oneof(fc.constantFrom(...ACTIONS), fc.constantFrom('ratify', 'Signature', ''), noise),
  date: fc.oneof(
    fc.constantFrom('2025-10-25', '2024-02-29', '2025-02-29', '2025-02-30', '1800-01-01', '1799-12-31', '2199-12-31', '2200-01-01', '25/10/2025', '2025-1-5', '9999-12-31'),
    fc.date({ min: new Date('1700-01-01'), max: new Date('2300-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    noise,
  ),
  reference: fc.oneof(text, noise),
  source: fc.oneof(
    fc.constantFrom('https://treaties.un.org/x', ' https://a.org ', 'http://a.org [Uradni list RS 62/2004]', '[ ]', '[a] [b]', 'ftp://a.org', 'a newspaper', 'https://', `https://a.org/${long(MAX_FIELD_LENGTH)}`, `https://a.org/${long(MAX_FIELD_LENGTH - 14)}`),
    text,
    noise,
  ),
  note: fc.oneof(text, noise),
};
const KEYS = Object.keys(field) as (keyof typeof field)[];

/** A record: each field present or missing, now and then a column the schema does not know. */
const record = fc
  .tuple(
    fc.record(field, { requiredKeys: [] }),
    fc.option(fc.constantFrom('extra', 'Note', '__proto__', 'constructor'), { nil: undefined }),
    fc.oneof(fc.constant(undefined), noise),
  )
  .map(([r, extra, value]) => {
    const out: Record<string, unknown> = { ...r };
    if (extra !== undefined) Object.defineProperty(out, extra, { value, enumerable: true, configurable: true, writable: true });
    return out;
  });
/** Mostly valid rows: each field usually its right kind, so a run reaches the later fields too. */
const nearlyValid = fc
  .record({ treaty: fc.constantFrom('XVIII-16'), code: fc.constantFrom('VNM'), action: fc.constantFrom('signature'), date: fc.constantFrom('2025-10-25'), reference: fc.constantFrom('', 'C.N.1'), source: fc.constantFrom('https://a.org'), note: fc.constantFrom('', 'n') })
  .chain((valid) => fc.tuple(fc.constant(valid), fc.constantFrom(...KEYS), fc.oneof(...Object.values(field))))
  .map(([valid, key, value]) => ({ ...valid, [key]: value }));

function zodVerdict(input: unknown): { row: unknown } | { refused: string } {
  const parsed = ActionRowSchema.safeParse(input);
  return parsed.success ? { row: parsed.data } : { refused: parsed.error.issues[0]!.path.map(String).join('.') };
}

function ours(input: unknown): { row: unknown } | { refused: string } {
  const checked = checkActionRow(input);
  return 'refused' in checked ? checked : { row: checked };
}

it('accepts and refuses exactly the rows the zod schema does, on the same field, with the same output', () => {
  fc.assert(
    fc.property(fc.oneof(record, nearlyValid, nearlyValid, noise), (input) => {
      expect(ours(input)).toEqual(zodVerdict(input));
    }),
    { numRuns: 5000, seed: 20261203 },
  );
});

it('refuses a note one character over the field limit, and takes one at the limit', () => {
  const row = { treaty: 'XVIII-16', code: 'VNM', action: 'signature', date: '2025-10-25', reference: '', source: 'https://a.org', note: long(MAX_FIELD_LENGTH) };
  expect(checkActionRow(row)).toMatchObject({ note: row.note });
  expect(checkActionRow({ ...row, note: long(MAX_FIELD_LENGTH + 1) })).toEqual({ refused: 'note' });
  const zod = ActionRowSchema.safeParse({ ...row, note: long(MAX_FIELD_LENGTH + 1) });
  expect(zod.success ? '' : zod.error.issues[0]!.message).toBe('10,001 characters long; the most a field may hold is 10,000');
});
