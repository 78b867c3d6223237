// The date a treaty's data is as of, when a status page gives it. The UN's XML pages state no
// "status as at" date (../FORMAT.md of the reference pages), so the latest date the page shows is the
// most its data can be said to cover: a page read years after it was saved is not news of today.
import type { IsoDate } from '../domain/dates.js';
import type { MtdsgDocument } from '../formats/mtdsg.js';

export function latestDateOn(doc: MtdsgDocument): IsoDate | null {
  let latest: IsoDate | null = doc.entry_into_force;
  for (const r of doc.rows) {
    for (const d of [r.signature?.date, r.consent?.date]) if (d !== undefined && (latest === null || d > latest)) latest = d;
  }
  return latest;
}

/** How a data date was chosen, for the notice and the snapshot's note. */
export function dataDateNote(how: 'given' | 'page' | 'fetched', date: IsoDate): string {
  if (how === 'given') return `data as of ${date}, as given with the command`;
  if (how === 'fetched') return `data as of ${date}, the day the page was fetched (the page states no status date)`;
  return `data as of ${date}, the latest date the page shows (the page states no status date; give the real one with --snapshot-date or --data-as-of)`;
}
