// Sizes past which input is refused rather than read: what keeps a hostile file within bounded memory.

/** The longest note, name, reference or source a row may hold, in characters. */
export const MAX_FIELD_LENGTH = 10_000;

/**
 * The largest status page `add` and `sync` read, in bytes. The largest page the UN Treaty Collection
 * serves is about 120 KB; reading a page takes up to about sixty times its size in memory (measured:
 * a 4 MB page of one long text peaked at 255 MB, a 10 MB one at 463 MB), so this cap keeps any page
 * under the 300 MB the tool allows itself.
 */
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/** `4 MB`: a byte limit as people read it. */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
