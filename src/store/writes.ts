// Writes to the actions, inside the caller's change set.
import type { ActionRow } from '../domain/model.js';
import type { Plan } from '../domain/plan.js';
import type { WriteTx } from './write-tx.js';

function rowOf(a: ActionRow) {
  return { treaty: a.treaty, code: a.code, action: a.action, date: a.date, reference: a.reference ?? null, source: a.source, note: a.note ?? null };
}

export function actionWriter(tx: WriteTx) {
  return {
    add(a: ActionRow) {
      tx.insert('actions', rowOf(a));
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
      return tx.insertMany('actions', iterateRows(rows));
    },
    /** A plan's rows: the added ones (keys the table lacks) through the bulk path, one prepared INSERT each. */
    apply(plan: Plan) {
      for (const a of plan.removed) this.remove(a);
      for (const { after } of plan.changed) tx.update('actions', rowOf(after));
      this.addAll(plan.added);
    },
  };
}

function* iterateRows(rows: Iterable<ActionRow>) {
  for (const a of rows) yield rowOf(a);
}
