// Writes to a treaty itself: an edit of its definition and aliases, its removal with everything kept
// under it, and the undoing of either. Each is logged in the change log as one row of entity
// 'treaty' that holds all it needs to be reversed (key "<id>|definition" or "<id>|drop"), in the
// caller's transaction. `db update` reads the same rows: a dropped treaty stays dropped, and the
// fields a user edited keep the user's values.
import type { Database } from 'better-sqlite3';
import type { TreatyDefinition } from '../domain/model.js';
import { EDITABLE_FIELDS, keepUserEdits, type EditableField } from '../domain/treaty-edits.js';
import { UserError } from '../errors.js';
import type { ChangeRecord } from './writes.js';


interface TreatyRecord {
  definition: TreatyDefinition;
  aliases: string[];
}

/** What an edit's change row holds after the edit: the fields the user has edited so far, with this one. */
interface EditedState extends TreatyRecord {
  user_fields: EditableField[];
  /** The fields this change itself edited: undo puts back only these. */
  fields?: EditableField[];
}

/** Everything under a treaty, as the drop's change row keeps it for undo. */
interface DroppedTreaty {
  row: { id: string; short_title: string; title: string; data_as_of: string; definition: string };
  aliases: string[];
  actions: Record<string, unknown>[];
  published: Record<string, unknown>[];
  reports: Record<string, unknown>[];
  checks: Record<string, unknown>[];
}

export interface DropCounts {
  aliases: number;
  actions: number;
  published: number;
  reports: number;
  checks: number;
}

function aliasesOf(db: Database, id: string): string[] {
  return (db.prepare('SELECT alias FROM treaty_aliases WHERE treaty = ? AND alias <> treaty ORDER BY alias').all(id) as { alias: string }[]).map((r) => r.alias);
}

function log(db: Database, at: string, command: string, key: string, before: unknown, after: unknown): void {
  db.prepare("INSERT INTO changes (at, command, entity, key, before, after) VALUES (?, ?, 'treaty', ?, ?, ?)").run(
    at,
    command,
    key,
    before === null ? null : JSON.stringify(before),
    after === null ? null : JSON.stringify(after),
  );
}

/** The fields the user has edited, by treaty: from the latest edit (or undo of one) of each. */
export function userEdits(db: Database): Map<string, Set<EditableField>> {
  const rows = db.prepare("SELECT key, after FROM changes WHERE entity = 'treaty' AND key LIKE '%|definition' ORDER BY id").all() as { key: string; after: string | null }[];
  const out = new Map<string, Set<EditableField>>();
  for (const r of rows) {
    const state = r.after === null ? null : (JSON.parse(r.after) as Partial<EditedState>);
    out.set(r.key.slice(0, -'|definition'.length), new Set(state?.user_fields ?? []));
  }
  for (const [id, fields] of out) if (fields.size === 0) out.delete(id);
  return out;
}

/** Treaties the user dropped and has not brought back (their latest drop row has nothing after). */
export function droppedTreaties(db: Database): Set<string> {
  const rows = db.prepare("SELECT key, after FROM changes WHERE entity = 'treaty' AND key LIKE '%|drop' ORDER BY id").all() as { key: string; after: string | null }[];
  const state = new Map<string, boolean>();
  for (const r of rows) state.set(r.key.slice(0, -'|drop'.length), r.after === null);
  return new Set([...state].filter(([, dropped]) => dropped).map(([id]) => id));
}

/** Fields the user edited earlier, as the latest change row for the treaty says. */
function userFieldsOf(db: Database, id: string): EditableField[] {
  return [...(userEdits(db).get(id) ?? [])];
}

/**
 * Replaces a treaty's definition and aliases. `fields` are those this edit changes; they join the
 * fields the user edited before, which db update leaves as the user made them.
 */
export function editTreaty(db: Database, next: TreatyDefinition, fields: readonly EditableField[], command: string, now: string): void {
  const before: TreatyRecord = { definition: currentDefinition(db, next.id), aliases: aliasesOf(db, next.id) };
  db.prepare('UPDATE treaties SET short_title = ?, title = ?, definition = ? WHERE id = ?').run(next.short_title, next.title, JSON.stringify(next), next.id);
  setAliases(db, next.id, next.aliases);
  const user_fields = [...new Set([...userFieldsOf(db, next.id), ...fields])].sort() as EditableField[];
  const after: EditedState = { definition: next, aliases: aliasesOf(db, next.id), user_fields, fields: [...fields].sort() };
  log(db, now, command, `${next.id}|definition`, before, after);
}

function currentDefinition(db: Database, id: string): TreatyDefinition {
  const row = db.prepare('SELECT definition FROM treaties WHERE id = ?').get(id) as { definition: string } | undefined;
  if (!row) throw new UserError(`unknown treaty "${id}"`);
  return JSON.parse(row.definition) as TreatyDefinition;
}

function setAliases(db: Database, id: string, aliases: readonly string[]): void {
  const owner = db.prepare('SELECT treaty FROM treaty_aliases WHERE alias = ? COLLATE NOCASE');
  for (const a of aliases) {
    const held = owner.get(a) as { treaty: string } | undefined;
    if (held && held.treaty !== id) throw new UserError(`the alias "${a}" is already treaty ${held.treaty}'s`, 'choose another name');
  }
  db.prepare('DELETE FROM treaty_aliases WHERE treaty = ? AND alias <> treaty').run(id);
  const insert = db.prepare('INSERT OR IGNORE INTO treaty_aliases (alias, treaty) VALUES (?, ?)');
  for (const a of aliases) insert.run(a, id);
}

const TABLES = {
  actions: 'SELECT id, treaty, code, action, date, reference, source, note FROM actions WHERE treaty = ? ORDER BY id',
  published: 'SELECT treaty, code, consent_type, in_force_on, party_by, source, note FROM published_in_force WHERE treaty = ? ORDER BY code',
  reports: 'SELECT id, treaty, date, precision, claim, code, count, grade, source, note FROM reports WHERE treaty = ? ORDER BY id',
  checks: 'SELECT id, treaty, code, detail, basis, found_at, command FROM checks WHERE treaty = ? ORDER BY id',
} as const;

function everythingUnder(db: Database, id: string): DroppedTreaty {
  const row = db.prepare('SELECT id, short_title, title, data_as_of, definition FROM treaties WHERE id = ?').get(id) as DroppedTreaty['row'] | undefined;
  if (!row) throw new UserError(`unknown treaty "${id}"`);
  const all = (sql: string) => db.prepare(sql).all(id) as Record<string, unknown>[];
  return { row, aliases: aliasesOf(db, id), actions: all(TABLES.actions), published: all(TABLES.published), reports: all(TABLES.reports), checks: all(TABLES.checks) };
}

/** What dropping the treaty would remove, counted. */
export function dropCounts(db: Database, id: string): DropCounts {
  const t = everythingUnder(db, id);
  return { aliases: t.aliases.length, actions: t.actions.length, published: t.published.length, reports: t.reports.length, checks: t.checks.length };
}

/** Removes a treaty with its aliases, actions, published dates, reports and checks; logged as one change. */
export function dropTreaty(db: Database, id: string, command: string, now: string): DropCounts {
  const t = everythingUnder(db, id);
  for (const table of ['checks', 'reports', 'published_in_force', 'actions', 'treaty_aliases']) db.prepare(`DELETE FROM ${table} WHERE treaty = ?`).run(id);
  db.prepare('DELETE FROM treaties WHERE id = ?').run(id);
  log(db, now, command, `${id}|drop`, t, null);
  return { aliases: t.aliases.length, actions: t.actions.length, published: t.published.length, reports: t.reports.length, checks: t.checks.length };
}

function restore(db: Database, t: DroppedTreaty): void {
  const taken = db.prepare('SELECT 1 FROM treaties WHERE id = ?').get(t.row.id);
  if (taken) throw new UserError(`treaty ${t.row.id} is in the database again (added since it was dropped)`, `drop it first if the dropped one should come back: treaty drop ${t.row.id} --yes`);
  db.prepare('INSERT INTO treaties (id, short_title, title, data_as_of, definition) VALUES (@id, @short_title, @title, @data_as_of, @definition)').run(t.row);
  db.prepare('INSERT INTO treaty_aliases (alias, treaty) VALUES (?, ?)').run(t.row.id, t.row.id);
  setAliases(db, t.row.id, t.aliases);
  // The same row ids where they are free, so that the checks kept on these rows still hold.
  const idFree = db.prepare('SELECT 1 FROM actions WHERE id = ?');
  const withId = db.prepare('INSERT INTO actions (id, treaty, code, action, date, reference, source, note) VALUES (@id, @treaty, @code, @action, @date, @reference, @source, @note)');
  const withoutId = db.prepare('INSERT INTO actions (treaty, code, action, date, reference, source, note) VALUES (@treaty, @code, @action, @date, @reference, @source, @note)');
  for (const a of t.actions) (idFree.get(a.id) ? withoutId : withId).run(a);
  const published = db.prepare('INSERT INTO published_in_force (treaty, code, consent_type, in_force_on, party_by, source, note) VALUES (@treaty, @code, @consent_type, @in_force_on, @party_by, @source, @note)');
  for (const p of t.published) published.run(p);
  const report = db.prepare('INSERT INTO reports (treaty, date, precision, claim, code, count, grade, source, note) VALUES (@treaty, @date, @precision, @claim, @code, @count, @grade, @source, @note)');
  for (const r of t.reports) report.run(r);
  const check = db.prepare('INSERT OR IGNORE INTO checks (treaty, code, detail, basis, found_at, command) VALUES (@treaty, @code, @detail, @basis, @found_at, @command)');
  for (const c of t.checks) check.run(c);
}

function fieldOf(t: TreatyDefinition, f: EditableField): unknown {
  return f === 'status_page' ? (t.depositary.status_xml ?? null) : t[f];
}

/** Reverses one logged change to a treaty (an edit or a drop); the reversal is logged too. */
export function undoTreatyChange(db: Database, change: ChangeRecord, command: string, now: string, dryRun: boolean): string {
  if (change.key.endsWith('|drop') && change.after === null) {
    const t = JSON.parse(change.before!) as DroppedTreaty;
    if (!dryRun) {
      restore(db, t);
      log(db, now, command, change.key, null, t);
    }
    return `${dryRun ? 'would bring back' : 'brought back'} treaty ${t.row.id} with ${t.aliases.length} aliases, ${t.actions.length} actions, ${t.published.length} published dates, ${t.reports.length} reports and ${t.checks.length} checks (undoing change ${change.id})`;
  }
  if (change.key.endsWith('|definition') && change.before !== null && change.after !== null) {
    const before = JSON.parse(change.before) as TreatyRecord;
    const after = JSON.parse(change.after) as EditedState;
    const id = before.definition.id;
    const stored = db.prepare('SELECT definition FROM treaties WHERE id = ?').get(id) as { definition: string } | undefined;
    const current = stored ? (JSON.parse(stored.definition) as TreatyDefinition) : null;
    // Only this edit's fields are compared and put back: db update may have refreshed the rest since.
    const fields = new Set<EditableField>(after.fields ?? EDITABLE_FIELDS);
    const same = (a: TreatyDefinition, b: TreatyDefinition) => EDITABLE_FIELDS.every((f) => !fields.has(f) || JSON.stringify(fieldOf(a, f)) === JSON.stringify(fieldOf(b, f)));
    if (!current || !same(current, after.definition)) {
      throw new UserError(`change ${change.id} cannot be undone: treaty ${id} has changed since`, 'undo the later changes first; see: treaty changes --treaty ' + id);
    }
    if (!dryRun) {
      // The fields edited before this edit stay the user's; this edit's own return to db update's care.
      const previous = db.prepare("SELECT after FROM changes WHERE entity = 'treaty' AND key = ? AND id < ? ORDER BY id DESC LIMIT 1").get(change.key, change.id) as { after: string | null } | undefined;
      const user_fields = previous?.after ? ((JSON.parse(previous.after) as Partial<EditedState>).user_fields ?? []) : [];
      const restored = keepUserEdits(current, before.definition, fields);
      const aliasesBefore = aliasesOf(db, id);
      db.prepare('UPDATE treaties SET short_title = ?, title = ?, definition = ? WHERE id = ?').run(restored.short_title, restored.title, JSON.stringify(restored), id);
      if (fields.has('aliases')) setAliases(db, id, restored.aliases);
      log(db, now, command, change.key, { definition: current, aliases: aliasesBefore }, { definition: restored, aliases: aliasesOf(db, id), user_fields, fields: [...fields].sort() });
    }
    return `${dryRun ? 'would undo' : 'undid'} change ${change.id} (${change.command}): treaty ${id} as it was before`;
  }
  throw new UserError(`change ${change.id} is to a treaty, and only an edit or a drop of one can be undone`, change.after !== null && change.before === null ? `to remove a treaty added by mistake: treaty drop ${change.key.split('|')[0]} --yes` : undefined);
}
