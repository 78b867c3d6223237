import { describe, expect, it } from 'vitest';
import { plausibility } from '../../src/domain/plausibility.js';
import { action, makeTreaty } from './fixtures.js';

// Signature open 2025-10-25 to 2026-12-31; accession added to the fixture's actions.
const TREATY = { ...makeTreaty(), actions: [...makeTreaty().actions, 'accession' as const] };
const STORED = [action('AAA', 'signature', '2025-10-25')];
const codes = (row: ReturnType<typeof action>, today = '2026-12-03') => plausibility(TREATY, row, STORED, today).map((d) => d.code);

describe('plausibility of a recorded action', () => {
  it.each([
    ['a ratification by a signatory, in the past', action('AAA', 'ratification', '2026-06-15'), '2026-12-03', []],
    ['a date after today', action('AAA', 'ratification', '2027-01-15'), '2026-12-03', ['date_in_future']],
    ['a signature after the window closed', action('BBB', 'signature', '2027-01-02'), '2027-03-01', ['signature_outside_window']],
    ['a signature before it opened', action('BBB', 'signature', '2025-10-24'), '2026-12-03', ['signature_outside_window']],
    ['a ratification by a State that never signed', action('BBB', 'ratification', '2026-06-15'), '2026-12-03', ['unusual_instrument']],
    ['an accession by a signatory', action('AAA', 'accession', '2026-06-15'), '2026-12-03', ['unusual_instrument']],
    ['an accession by a State that never signed', action('BBB', 'accession', '2027-02-01'), '2027-03-01', []],
  ] as const)('%s', (_what, row, today, expected) => {
    expect(codes(row, today)).toEqual(expected);
  });
  it('says what looks wrong in words', () => {
    expect(plausibility(TREATY, action('BBB', 'ratification', '2026-06-15'), STORED, '2026-12-03')[0]!.message).toBe(
      'BBB has no signature recorded before 2026-06-15: a State that did not sign usually accedes (accession), not ratification',
    );
  });
});
