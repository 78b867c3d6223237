// Sizes past which input is refused rather than read: what keeps a hostile file within bounded memory.
// The README's "Limits" section documents each one.

/**
 * The longest note, name, reference or source a row may hold, in characters. The longest real note
 * in the bundled data is a few hundred characters; a field past this is a mistake (a missing closing
 * quote swallowing the file) or an attack, and is refused before anything is stored.
 */
export const MAX_FIELD_LENGTH = 10_000;

/**
 * The largest status page `add` and `sync` read, in bytes. The largest page the UN Treaty Collection
 * serves is about 120 KB; reading a page takes up to about sixty times its size in memory (measured:
 * a 4 MB page of one long text peaked at 255 MB, a 10 MB one at 463 MB), so this cap keeps any page
 * under the 300 MB the tool allows itself.
 */
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/**
 * The largest CSV or NDJSON file of actions `treaty import` reads, a piece at a time: about four times
 * every action of every treaty the UN Secretary-General holds (600 treaties, 400,000 actions, 35 MB
 * of CSV).
 */
export const MAX_IMPORT_BYTES = 128 * 1024 * 1024;

/**
 * The largest file `treaty import` reads whole (a JSON array, TSV, a file of published dates or
 * reports): parsed at once, it takes several times its size in memory.
 */
export const MAX_WHOLE_IMPORT_BYTES = 32 * 1024 * 1024;

/** `4 MB`: a byte limit as people read it. */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** "12,345": counts in messages, the same on every machine whatever its locale. */
export function countText(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Why a field is too long, in the words of field-limits.ts, for the schemas and the CSV reader. */
export function tooLongMessage(length: number): string {
  return `${countText(length)} characters long; the most a field may hold is ${countText(MAX_FIELD_LENGTH)}`;
}
