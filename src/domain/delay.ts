import { addDays, addMonths, firstOfNextMonth, type IsoDate } from './dates.js';
import type { Delay } from './model.js';

/** The date a delay written in a treaty's final clauses ends, counted from `date`. */
export function applyDelay(date: IsoDate, delay: Delay): IsoDate {
  if ('days' in delay) return addDays(date, delay.days);
  if ('years' in delay) return addMonths(date, delay.years * 12);
  const end = addMonths(date, delay.months);
  return delay.then === 'first_of_next_month' ? firstOfNextMonth(end) : end;
}

/** "90 days", "3 months, then the first day of the next month", for prose. */
export function describeDelay(delay: Delay): string {
  if ('days' in delay) return `${delay.days} day${delay.days === 1 ? '' : 's'}`;
  if ('years' in delay) return `${delay.years} year${delay.years === 1 ? '' : 's'}`;
  const months = `${delay.months} month${delay.months === 1 ? '' : 's'}`;
  return delay.then === 'first_of_next_month' ? `${months}, then the first day of the next month` : months;
}
