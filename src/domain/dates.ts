// Calendar dates as ISO `YYYY-MM-DD` strings. Arithmetic works on day numbers
// (days since 1970-01-01, proleptic Gregorian), so no clock or time zone is involved.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Year, month and day of a real calendar date, or null for anything else (2025-02-30, 25/10/2025). */
export function splitIsoDate(text: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * The dates treaty takes in (command line, imports, pages, bundled data). Every treaty it follows was
 * concluded after 1800, and a bound far inside year 9999 keeps every delay added to an accepted date
 * a four-digit year.
 */
export const FIRST_DATE: IsoDate = '1800-01-01';
export const LAST_DATE: IsoDate = '2199-12-31';

/** A real calendar date within FIRST_DATE … LAST_DATE: what every input of a date must be. */
export function isIsoDate(text: string): boolean {
  return splitIsoDate(text) !== null && text >= FIRST_DATE && text <= LAST_DATE;
}

/** Why a text is not an accepted date, for messages; null when it is one. */
export function dateProblem(text: string): string | null {
  if (!ISO_DATE.test(text)) return 'expected a date like 2025-10-25';
  if (splitIsoDate(text) === null) return 'not a real date';
  if (text < FIRST_DATE || text > LAST_DATE) return `outside the dates treaty takes (${FIRST_DATE} to ${LAST_DATE})`;
  return null;
}

function partsOf(date: IsoDate): { year: number; month: number; day: number } {
  const parts = splitIsoDate(date);
  if (!parts) throw new RangeError(`not a calendar date: ${JSON.stringify(date)}`);
  return parts;
}

function formatParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date.
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = partsOf(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatParts(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The same day `months` later; a day past the new month's end becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return formatParts(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

export function firstOfNextMonth(date: IsoDate): IsoDate {
  const { year, month } = partsOf(date);
  return month === 12 ? formatParts(year + 1, 1, 1) : formatParts(year, month + 1, 1);
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** "25 October 2025", for prose. */
export function formatLong(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${day} ${names[month - 1]} ${year}`;
}
