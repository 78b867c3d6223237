// Corrections a new release makes to bundled rows (a date, a type, a note), applied to a database
// only where the row is still as the bundle wrote it: the change log says who wrote each row last,
// and a row the user recorded, changed or removed is left alone.
import type { Database } from 'better-sqlite3';
import { actionKey } from '../domain/check-actions.js';
import type { ActionRow } from '../domain/model.js';

export interface Correction {
  before: ActionRow;
  after: ActionRow;
}

/** Commands that write bundled rows: the first seeding, and db update. */
function isBundledWrite(command: string): boolean {
  return command === 'seed' || /(^|\s)db update(\s|$)/.test(command);
}

export function bundledCorrections(db: Database, bundled: readonly ActionRow[]): Correction[] {
  const lastWriter = new Map<string, string>();
  for (const r of db.prepare("SELECT key, command FROM changes WHERE entity = 'action' ORDER BY id").all() as { key: string; command: string }[]) lastWriter.set(r.key, r.command);
  const stored = db.prepare('SELECT treaty, code, action, date, reference, source, note FROM actions').all() as ActionRow[];
  const storedKeys = new Set(stored.map(actionKey));
  const bundledByKey = new Map(bundled.map((a) => [actionKey(a), a]));
  // Bundled rows the database lacks: candidates for the corrected form of a stored row.
  const absent = bundled.filter((a) => !storedKeys.has(actionKey(a)));
  const corrections: Correction[] = [];
  const taken = new Set<string>();
  for (const row of stored) {
    const key = actionKey(row);
    const writer = lastWriter.get(key);
    if (writer === undefined || !isBundledWrite(writer)) continue;
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
 * bundle wrote them last: only `treaty add` writes participants otherwise, under codes of its own.
 * Returns how many it updates (or would).
 */
export function correctParticipants(db: Database, rows: readonly Record<string, unknown>[], command: string, now: string, dryRun: boolean): number {
  const lastWriter = new Map<string, string>();
  for (const r of db.prepare("SELECT key, command FROM changes WHERE entity = 'participant' ORDER BY id").all() as { key: string; command: string }[]) lastWriter.set(r.key, r.command);
  const select = db.prepare('SELECT code, iso2, name, short_name, aliases, kind, un_group, groups, source, note FROM participants WHERE code = ?');
  const update = db.prepare(`UPDATE participants SET ${PARTICIPANT_FIELDS.map((f) => `${f} = @${f}`).join(', ')} WHERE code = @code`);
  const log = db.prepare("INSERT INTO changes (at, command, entity, key, before, after) VALUES (?, ?, 'participant', ?, ?, ?)");
  let n = 0;
  for (const row of rows) {
    const code = String(row.code);
    const writer = lastWriter.get(code);
    if (writer !== undefined && !isBundledWrite(writer)) continue;
    const before = select.get(code) as Record<string, unknown> | undefined;
    if (!before || PARTICIPANT_FIELDS.every((f) => (before[f] ?? null) === (row[f] ?? null))) continue;
    n += 1;
    if (dryRun) continue;
    update.run(row);
    log.run(now, command, code, JSON.stringify(before), JSON.stringify(row));
  }
  return n;
}
