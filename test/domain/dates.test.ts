import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dateProblem,
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  firstOfNextMonth,
  formatLong,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  laterOf,
  splitIsoDate,
  toDayNumber,
  type IsoDate,
} from '../../src/domain/dates.js';
import { applyDelay, describeDelay } from '../../src/domain/delay.js';
import type { Delay } from '../../src/domain/model.js';

const DAY_MS = 86_400_000;

// STYLE.md §5: real calendar dates from 1900 to 2199, as ISO strings.
const isoDate = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('dateProblem', () => {
  it.each([
    ['2025-10-25', null],
    ['25/10/2025', 'expected a date like 2025-10-25'],
    ['2025-02-29', 'not a real date'],
    ['9999-12-31', 'outside the dates treaty takes (1800-01-01 to 2199-12-31)'],
  ])('%s → %s', (text, problem) => {
    expect(dateProblem(text)).toBe(problem);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2025-10-25'],
    ['2024-02-29'],
    ['2000-02-29'],
    ['1900-02-28'],
    ['2025-01-31'],
    ['2025-04-30'],
    ['2025-12-31'],
    ['1800-01-01'],
    ['2199-12-31'],
  ])('accepts %s', (text) => {
    expect(isIsoDate(text)).toBe(true);
  });

  it.each([
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'century not divisible by 400'],
    ['2025-2-3', 'one-digit month and day'],
    ['25/10/2025', 'day first, slashes'],
    ['2025-13-01', 'month 13'],
    ['2025-00-10', 'month 0'],
    ['2025-01-00', 'day 0'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-01-32', 'day 32'],
    ['', 'empty'],
    ['2025-10-25T00:00:00Z', 'a timestamp'],
    [' 2025-10-25', 'leading space'],
    ['2025-10-25\n', 'trailing newline'],
    ['20251025', 'no dashes'],
    ['0001-01-01', 'before 1800'],
    ['1799-12-31', 'before 1800'],
    ['2200-01-01', 'after 2199'],
    ['9999-12-31', 'the arithmetic would leave four digits'],
  ])('rejects %j (%s)', (text) => {
    expect(isIsoDate(text)).toBe(false);
  });

  it('splits a real date into numbers', () => {
    expect(splitIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(splitIsoDate('2025-02-29')).toBeNull();
  });

  it('agrees with the UTC Date calendar on any year, month and day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const roundTrips = m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === text;
        expect(isIsoDate(text)).toBe(roundTrips);
      }),
    );
  });
});

describe('leap years and month ends', () => {
  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
  ])('isLeapYear(%i) is %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [2025, 1, 31],
    [2025, 2, 28],
    [2024, 2, 29],
    [2000, 2, 29],
    [1900, 2, 28],
    [2025, 3, 31],
    [2025, 4, 30],
    [2025, 5, 31],
    [2025, 6, 30],
    [2025, 7, 31],
    [2025, 8, 31],
    [2025, 9, 30],
    [2025, 10, 31],
    [2025, 11, 30],
    [2025, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('addDays', () => {
  it.each([
    ['2020-10-24', 90, '2021-01-22'], // DESIGN §2
    ['2025-10-25', 0, '2025-10-25'],
    ['2025-01-31', 1, '2025-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2025-02-28', 1, '2025-03-01'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-01-20', 30, '2026-02-19'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('throws on a date that does not exist', () => {
    expect(() => addDays('2025-02-29', 1)).toThrow(RangeError);
  });

  it('equals the UTC Date computation (property)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -40_000, max: 40_000 }), (d, n) =>
        addDays(d, n) === new Date(Date.parse(d) + n * DAY_MS).toISOString().slice(0, 10),
      ),
    );
  });

  it('adding then subtracting the same days is the identity (property)', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => addDays(addDays(d, n), -n) === d));
  });
});

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11_017],
    ['2025-10-25', 20_386],
  ])('toDayNumber(%s) = %i', (date, n) => {
    expect(toDayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  it('fromDayNumber(toDayNumber(d)) is d (property)', () => {
    fc.assert(fc.property(isoDate, (d) => fromDayNumber(toDayNumber(d)) === d));
  });

  it('toDayNumber(fromDayNumber(n)) is n (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -30_000, max: 80_000 }), (n) => toDayNumber(fromDayNumber(n)) === n));
  });

  it('counts the same days as Date.parse (property)', () => {
    fc.assert(fc.property(isoDate, (d) => toDayNumber(d) === Date.parse(d) / DAY_MS));
  });

  it('orders like the ISO strings (property)', () => {
    fc.assert(fc.property(isoDate, isoDate, (a, b) => Math.sign(toDayNumber(a) - toDayNumber(b)) === (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('daysBetween', () => {
  it.each([
    ['2020-10-24', '2021-01-22', 90],
    ['2021-01-22', '2020-10-24', -90],
    ['2025-10-25', '2025-10-25', 0],
    ['2025-10-25', '2026-12-31', 432],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-02-28', '2025-03-01', 1],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('daysBetween(d, addDays(d, n)) is n (property)', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => daysBetween(d, addDays(d, n)) === n));
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-15', 1, '2025-02-15'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-12-31', 1, '2026-01-31'],
    ['2025-01-10', -1, '2024-12-10'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-10-25', 0, '2025-10-25'],
    ['2025-10-25', 24, '2027-10-25'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('keeps the day, or clamps it to the end of the month (property)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -1200, max: 1200 }), (d, n) => {
        const from = splitIsoDate(d)!;
        const to = splitIsoDate(addMonths(d, n))!;
        expect(to.year * 12 + to.month - (from.year * 12 + from.month)).toBe(n);
        expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)));
      }),
    );
  });
});

describe('firstOfNextMonth', () => {
  it.each([
    ['2025-12-15', '2026-01-01'],
    ['2025-12-31', '2026-01-01'],
    ['2025-12-01', '2026-01-01'],
    ['2024-02-29', '2024-03-01'],
    ['2025-02-01', '2025-03-01'],
    ['2004-06-18', '2004-07-01'],
  ])('after %s is %s', (date, expected) => {
    expect(firstOfNextMonth(date)).toBe(expected);
  });
});

describe('laterOf and formatLong', () => {
  it.each([
    ['2026-01-01', '2025-12-31', '2026-01-01'],
    ['2025-12-31', '2026-01-01', '2026-01-01'],
    ['2026-01-01', '2026-01-01', '2026-01-01'],
  ])('laterOf(%s, %s) = %s', (a, b, expected) => {
    expect(laterOf(a, b)).toBe(expected);
  });

  it.each([
    ['2025-10-25', '25 October 2025'],
    ['2026-01-01', '1 January 2026'],
  ])('formatLong(%s) = %s', (date, expected) => {
    expect(formatLong(date)).toBe(expected);
  });
});

describe('applyDelay', () => {
  const budapest: Delay = { months: 3, then: 'first_of_next_month' };

  it.each<[string, IsoDate, Delay, IsoDate]>([
    ['90 days (DESIGN §2)', '2020-10-24', { days: 90 }, '2021-01-22'],
    ['30 days', '2026-01-20', { days: 30 }, '2026-02-19'],
    ['0 days', '2026-01-20', { days: 0 }, '2026-01-20'],
    ['Budapest: 5th consent', '2004-03-18', budapest, '2004-07-01'],
    ['Budapest: later State', '2004-05-12', budapest, '2004-09-01'],
    ['Budapest: month end clamps into February', '2025-11-30', budapest, '2026-03-01'],
    ['Budapest: from the 1st', '2025-01-01', budapest, '2025-05-01'],
    ['Budapest: across the year end', '2025-10-31', budapest, '2026-02-01'],
    ['3 months without "then"', '2025-11-30', { months: 3 }, '2026-02-28'],
    ['1 year', '2027-03-01', { years: 1 }, '2028-03-01'],
    ['1 year from 29 February', '2024-02-29', { years: 1 }, '2025-02-28'],
  ])('%s: %s + delay = %s', (_label, date, delay, expected) => {
    expect(applyDelay(date, delay)).toBe(expected);
  });

  it('months then first of next month lands on a 1st, strictly after the start (property)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 36 }), (d, months) => {
        const end = applyDelay(d, { months, then: 'first_of_next_month' });
        expect(end.slice(8)).toBe('01');
        expect(end > d).toBe(true);
        expect(end > addMonths(d, months)).toBe(true);
      }),
    );
  });

  it.each<[Delay, string]>([
    [{ days: 90 }, '90 days'],
    [{ days: 1 }, '1 day'],
    [{ years: 1 }, '1 year'],
    [{ months: 3 }, '3 months'],
    [budapest, '3 months, then the first day of the next month'],
  ])('describeDelay(%j) = %s', (delay, text) => {
    expect(describeDelay(delay)).toBe(text);
  });
});
