// The date a treaty's data is as of, when a status page gives it. The UN's XML pages state no
// "status as at" date (../FORMAT.md of the reference pages), so the latest date the page shows is the
// most its data can be said to cover: a page read years after it was saved is not news of today.
import type { IsoDate } from '../domain/dates.js';
import type { TreatyDefinition } from '../domain/model.js';
import type { MtdsgDocument } from '../formats/mtdsg.js';
import type { SnapshotCounts } from '../store/data-date.js';
import type { ImportOptions, Input } from './import.js';

export function latestDateOn(doc: MtdsgDocument): IsoDate | null {
  let latest: IsoDate | null = doc.entry_into_force;
  for (const r of doc.rows) {
    for (const a of r.actions) if (latest === null || a.date > latest) latest = a.date;
  }
  return latest;
}

/** How a data date was chosen, for the notice and the snapshot's note. */
export function dataDateNote(how: 'given' | 'page' | 'fetched', date: IsoDate): string {
  if (how === 'given') return `data as of ${date}, as given with the command`;
  if (how === 'fetched') return `data as of ${date}, the day the page was fetched (the page states no status date)`;
  return `data as of ${date}, the latest date the page shows (the page states no status date; give the real one with --snapshot-date or --data-as-of)`;
}

/**
 * Each treaty's new data date: the one given, else for a status page the day it was fetched or the
 * latest date it shows. A page's own date only moves the data forward; a date given is taken as it is.
 */
export interface DataDate {
  date: IsoDate;
  how: 'given' | 'page' | 'fetched';
  counts: SnapshotCounts | undefined;
}

export function dataDates(
  inputs: readonly Input[],
  /** The treaties the imported rows are about. */
  touched: Iterable<string>,
  o: Pick<ImportOptions, 'dataAsOf' | 'fetchedOn'>,
  treaties: ReadonlyMap<string, TreatyDefinition>,
): Map<string, DataDate> {
  const dates = new Map<string, DataDate>();
  // A status page's header counts become the new snapshot's: what the depositary counted that day.
  const pageCounts = new Map(inputs.flatMap((i) => ('document' in i ? [[i.document.id, { signatories: i.document.signatories, parties: i.document.parties }] as const] : [])));
  if (o.dataAsOf !== undefined) {
    for (const treaty of touched) dates.set(treaty, { date: o.dataAsOf, how: 'given', counts: pageCounts.get(treaty) });
    return dates;
  }
  for (const input of inputs) {
    if (!('document' in input)) continue;
    const id = treaties.get(input.document.id)?.id ?? input.document.id;
    const date = o.fetchedOn ?? latestDateOn(input.document);
    const current = treaties.get(id)?.snapshot.date;
    if (date !== null && (current === undefined || date > current)) dates.set(id, { date, how: o.fetchedOn !== undefined ? 'fetched' : 'page', counts: pageCounts.get(id) });
  }
  return dates;
}
