// Writes to the actions, inside the caller's change set.
import type { ActionRow } from '../domain/model.js';
import type { Plan } from '../domain/plan.js';
import { UserError } from '../errors.js';
import { isSqliteError, sqliteProblem } from './sqlite-errors.js';
import type { WriteTx } from './write-tx.js';

function rowOf(a: ActionRow) {
  return { treaty: a.treaty, code: a.code, action: a.action, date: a.date, reference: a.reference ?? null, source: a.source, note: a.note ?? null };
}

export function actionWriter(tx: WriteTx) {
  return {
    add(a: ActionRow) {
      try {
        tx.insert('actions', rowOf(a));
      } catch (e) {
        throw refusedRow(e, a);
      }
    },
    change(_before: ActionRow, after: ActionRow) {
      tx.update('actions', rowOf(after));
    },
    remove(a: ActionRow) {
      tx.remove('actions', rowOf(a));
    },
    /**
     * Rows the table does not have, straight from a reader (an iterable, read once): one prepared
     * INSERT each, nothing kept per row but the set id it carries. Returns how many it added.
     */
    addAll(rows: Iterable<ActionRow>): number {
      let current: ActionRow | undefined;
      const each = function* () {
        for (const a of rows) {
          current = a;
          yield rowOf(a);
        }
      };
      try {
        return tx.insertMany('actions', each());
      } catch (e) {
        throw current ? refusedRow(e, current) : e;
      }
    },
    /** A plan's rows: the added ones (keys the table lacks) through the bulk path. */
    apply(plan: Plan) {
      for (const a of plan.removed) this.remove(a);
      for (const { after } of plan.changed) tx.update('actions', rowOf(after));
      this.addAll(plan.added);
    },
  };
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
