// Sizes treaty refuses to take in, so that no input, hostile or mistaken, can exhaust memory or make
// every later read of a row slow. The README's "Limits" section documents each one.

/**
 * The most characters a text field of a row may hold: a note, a reference, a source, a name. The
 * longest real note in the bundled data is a few hundred characters; a field past this is a mistake
 * (a missing closing quote swallowing the file) or an attack, and is refused before anything is stored.
 */
export const MAX_FIELD_LENGTH = 10_000;

/**
 * The largest file `treaty import` reads: about four times every action of every treaty the UN
 * Secretary-General holds (600 treaties, 400,000 actions, 35 MB of CSV).
 */
export const MAX_IMPORT_BYTES = 128 * 1024 * 1024;

/** "12,345": counts in messages, the same on every machine whatever its locale. */
export function countText(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Why a field is too long, for messages; the same words wherever the limit is checked. */
export function tooLongMessage(length: number): string {
  return `too long (${countText(length)} characters; a field holds at most ${countText(MAX_FIELD_LENGTH)})`;
}
