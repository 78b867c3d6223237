// Corrections a new release makes to bundled rows (a date, a type, a note), applied to a database
// only where the row is still as the bundle wrote it: each row carries the set that wrote it, and a
// row the user recorded, changed or removed is left alone.
import { actionKey } from '../domain/check-actions.js';
import type { ActionRow } from '../domain/model.js';
import type { Store } from './store.js';
import type { WriteTx } from './write-tx.js';

export interface Correction {
  before: ActionRow;
  after: ActionRow;
}

/** Commands that write bundled rows: the first seeding, and db update. */
export function isBundledWrite(command: string): boolean {
  return command === 'seed' || /(^|\s)db update(\s|$)/.test(command);
}

export function bundledCorrections(store: Store, bundled: readonly ActionRow[]): Correction[] {
  const writer = store.writers('actions');
  const stored = store.rows('actions') as unknown as ActionRow[];
  const storedKeys = new Set(stored.map(actionKey));
  const bundledByKey = new Map(bundled.map((a) => [actionKey(a), a]));
  // Bundled rows the database lacks: candidates for the corrected form of a stored row.
  const absent = bundled.filter((a) => !storedKeys.has(actionKey(a)));
  const corrections: Correction[] = [];
  const taken = new Set<string>();
  for (const row of stored) {
    const key = actionKey(row);
    const command = writer.get(key);
    if (command === undefined || command === null || !isBundledWrite(command)) continue;
    const same = bundledByKey.get(key);
    if (same) {
      if ((same.reference ?? null) !== (row.reference ?? null) || same.source !== row.source || (same.note ?? null) !== (row.note ?? null)) corrections.push({ before: row, after: same });
      continue;
    }
    // The same participant's row with its date or its type corrected; only an unambiguous match.
    const matches = absent.filter((a) => a.treaty === row.treaty && a.code === row.code && (a.action === row.action) !== (a.date === row.date) && !taken.has(actionKey(a)));
    if (matches.length !== 1) continue;
    taken.add(actionKey(matches[0]!));
    corrections.push({ before: row, after: matches[0]! });
  }
  return corrections;
}

const PARTICIPANT_FIELDS = ['iso2', 'name', 'short_name', 'aliases', 'kind', 'un_group', 'groups', 'source', 'note'] as const;

/**
 * Participants whose bundled row changed (a regional group, a name, a note) are updated where the
 * bundle wrote them last (or the log does not know who did): only `treaty add` writes participants
 * otherwise, under codes of its own. Returns how many it updates.
 */
export function correctParticipants(store: Store, tx: WriteTx, rows: readonly Record<string, unknown>[]): number {
  const writer = store.writers('participants');
  let n = 0;
  for (const row of rows) {
    const code = String(row.code);
    const command = writer.get(code);
    if (command === undefined || (command !== null && !isBundledWrite(command))) continue;
    const before = tx.get('participants', { code });
    if (!before || PARTICIPANT_FIELDS.every((f) => (before[f] ?? null) === (row[f] ?? null))) continue;
    if (tx.update('participants', row as Record<string, string | null>)) n += 1;
  }
  return n;
}
