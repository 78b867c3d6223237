// Writes to the actions, each with its change-log rows, inside the caller's transaction.
import type { Database } from 'better-sqlite3';
import { actionKey } from '../domain/check-actions.js';
import type { ActionRow } from '../domain/model.js';
import type { Plan } from '../domain/plan.js';
import { UserError } from '../errors.js';
import { lockedTransaction } from './lock-wait.js';
import { isSqliteError, sqliteProblem } from './sqlite-errors.js';

export interface ChangeRecord {
  id: number;
  at: string;
  command: string;
  entity: string;
  key: string;
  before: string | null;
  after: string | null;
}

/**
 * Runs `fn` in one IMMEDIATE transaction: it takes the write lock at once, so concurrent writers wait
 * (up to LOCK_WAIT_SECONDS, saying so) instead of failing with SQLITE_BUSY halfway, and a throw
 * leaves nothing behind.
 */
export function writeTransaction<T>(db: Database, fn: () => T): T {
  return lockedTransaction(db, fn);
}

function rowOf(a: ActionRow): ActionRow {
  return { treaty: a.treaty, code: a.code, action: a.action, date: a.date, reference: a.reference ?? null, source: a.source, note: a.note ?? null };
}

export function actionWriter(db: Database, command: string, now: string) {
  const insert = db.prepare('INSERT INTO actions (treaty, code, action, date, reference, source, note) VALUES (@treaty, @code, @action, @date, @reference, @source, @note)');
  const update = db.prepare('UPDATE actions SET reference = @reference, source = @source, note = @note WHERE treaty = @treaty AND code = @code AND action = @action AND date = @date');
  const remove = db.prepare('DELETE FROM actions WHERE treaty = @treaty AND code = @code AND action = @action AND date = @date');
  const log = db.prepare("INSERT INTO changes (at, command, entity, key, before, after) VALUES (?, ?, 'action', ?, ?, ?)");
  const json = (a: ActionRow | null) => (a === null ? null : JSON.stringify(rowOf(a)));
  return {
    add(a: ActionRow) {
      try {
        insert.run(rowOf(a));
      } catch (e) {
        throw refusedRow(e, a);
      }
      log.run(now, command, actionKey(a), null, json(a));
    },
    change(before: ActionRow, after: ActionRow) {
      update.run(rowOf(after));
      log.run(now, command, actionKey(after), json(before), json(after));
    },
    remove(a: ActionRow) {
      remove.run(rowOf(a));
      log.run(now, command, actionKey(a), json(a), null);
    },
    apply(plan: Plan) {
      for (const a of plan.removed) this.remove(a);
      for (const { before, after } of plan.changed) this.change(before, after);
      for (const a of plan.added) this.add(a);
    },
  };
}

export function storedActions(db: Database, treaties: readonly string[]): ActionRow[] {
  const select = db.prepare('SELECT treaty, code, action, date, reference, source, note FROM actions WHERE treaty = ?');
  return treaties.flatMap((t) => select.all(t) as ActionRow[]);
}

/** A row the schema refuses is named, so the user can find it in what they gave. */
function refusedRow(e: unknown, a: ActionRow): unknown {
  if (!isSqliteError(e) || sqliteProblem(e.code) !== 'constraint') return e;
  const what = `${a.treaty} ${a.code} ${a.action} on ${a.date}`;
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new UserError(`cannot store the action ${what}: it is given twice; nothing was changed`, 'remove the repeated row from the input');
  }
  return new UserError(`cannot store the action ${what}: the database refused it (${e.message}); nothing was changed`);
}
