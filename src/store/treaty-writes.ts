// Writes to a treaty itself: an edit of its definition and aliases, and its removal with everything
// kept under it, each in the caller's change set (undo reverses them as it does any set). `db update`
// reads the sets back: a treaty a drop removed stays removed, and the fields an edit changed (of
// edits not undone) keep the user's values.
import type { TreatyDefinition } from '../domain/model.js';
import { EDITABLE_FIELDS, type EditableField } from '../domain/treaty-edits.js';
import { UserError } from '../errors.js';
import type { Store } from './store.js';
import type { WriteTx } from './write-tx.js';

export interface DropCounts {
  aliases: number;
  actions: number;
  published: number;
  reports: number;
  checks: number;
}

const isEdit = (command: string) => /(^|\s)edit(\s|$)/.test(command);
const isDrop = (command: string) => /(^|\s)drop(\s|$)/.test(command);

function fieldOf(t: TreatyDefinition, f: EditableField): unknown {
  return f === 'status_page' ? (t.depositary.status_xml ?? null) : t[f];
}

/** The fields the user has edited, by treaty: what the edits that stand changed. */
export function userEdits(store: Store): Map<string, Set<EditableField>> {
  const edits = store.log.sets({ withSeed: false }).filter((s) => isEdit(s.command) && s.undone === null);
  const out = new Map<string, Set<EditableField>>();
  const mark = (id: string, f: EditableField) => (out.get(id) ?? out.set(id, new Set()).get(id)!).add(f);
  for (const r of store.log.rows(edits)) {
    if (r.table === 'treaty_aliases') mark(String((r.after ?? r.before)!.treaty), 'aliases');
    if (r.table !== 'treaties' || !r.before || !r.after) continue;
    const before = JSON.parse(String(r.before.definition)) as TreatyDefinition;
    const after = JSON.parse(String(r.after.definition)) as TreatyDefinition;
    for (const f of EDITABLE_FIELDS) if (JSON.stringify(fieldOf(before, f)) !== JSON.stringify(fieldOf(after, f))) mark(before.id, f);
  }
  return out;
}

/** Treaties a drop removed and nothing has put back. */
export function droppedTreaties(store: Store): Set<string> {
  return store.removedBy('treaties', (command) => !isDrop(command));
}

/** Replaces a treaty's definition and aliases, in the caller's set. */
export function editTreaty(tx: WriteTx, store: Store, next: TreatyDefinition): void {
  const row = tx.get('treaties', { id: next.id });
  if (!row) throw new UserError(`unknown treaty "${next.id}"`);
  for (const a of next.aliases) {
    const held = tx.get('treaty_aliases', { alias: a });
    if (held && held.treaty !== next.id) throw new UserError(`the alias "${a}" is already treaty ${String(held.treaty)}'s`, 'choose another name');
  }
  tx.update('treaties', { ...row, short_title: next.short_title, title: next.title, definition: JSON.stringify(next) });
  const wanted = new Set(next.aliases.map((a) => a.toLowerCase()));
  for (const a of aliasesOf(store, next.id)) if (!wanted.has(a.toLowerCase())) tx.remove('treaty_aliases', { alias: a });
  for (const alias of next.aliases) tx.insertIfAbsent('treaty_aliases', { alias, treaty: next.id });
}

function aliasesOf(store: Store, id: string): string[] {
  return store.treaties().find((t) => t.id === id)?.aliases ?? [];
}

/** What dropping the treaty would remove, counted. */
export function dropCounts(store: Store, id: string): DropCounts {
  return { aliases: aliasesOf(store, id).length, actions: store.actions(id).length, published: store.publishedRows(id).length, reports: store.reports(id).length, checks: store.checkRows(id) };
}

/** Removes a treaty with its aliases, actions, published dates, reports and checks, in the caller's set. */
export function dropTreaty(tx: WriteTx, store: Store, id: string): DropCounts {
  const counts = dropCounts(store, id);
  for (const a of store.actions(id)) tx.remove('actions', { ...a });
  for (const p of store.publishedRows(id)) tx.remove('published_in_force', { ...p });
  // The treaty's aliases, reports and checks go with it (WriteTx.remove).
  tx.remove('treaties', { id });
  return counts;
}
