// treaty changes: the change log, one change set a line (newest last), or the rows the sets wrote;
// and treaty undo <set>: one whole set reversed, as a set of its own.
import type { IsoDate } from '../domain/dates.js';
import type { Ctx } from '../context.js';
import type { ListResult, Row } from '../formats/result.js';
import type { ChangeSet, SetRow } from '../store/change-log.js';
import { describeSqliteError, isSqliteError } from '../store/sqlite-errors.js';
import type { Store } from '../store/store.js';

export const CHANGE_COLUMNS = ['id', 'at', 'command', 'added', 'changed', 'removed', 'undone'] as const;
export const ROW_COLUMNS = ['set', 'table', 'key', 'before', 'after'] as const;

export interface ChangesOptions {
  db: string | undefined;
  /** Only sets made on or after this date (UTC). */
  since: IsoDate | undefined;
  /** Only sets that wrote a row of this treaty. */
  treaty: string | undefined;
  /** Also the set that made the database from the bundled data. */
  withSeed: boolean;
  /** Only sets made since the previous --since-last call on this database, which it remembers. */
  sinceLast: boolean;
  /** The rows of the sets instead of the sets. */
  rows: boolean;
  columns: readonly string[];
}

/** Exit code of `treaty changes --since/--since-last` when there is nothing new, so cron jobs can tell. */
export const NO_CHANGES_EXIT = 3;

const SEEN_KEY = 'changes_seen_up_to';

function setRow(s: ChangeSet): Row {
  return { id: s.id, at: s.at, command: s.command, added: s.added, changed: s.changed, removed: s.removed, undone: s.undone };
}

function rowRow(r: SetRow): Row {
  return { set: r.set, table: r.table, key: r.key, before: r.before && JSON.stringify(r.before), after: r.after && JSON.stringify(r.after) };
}

export async function changes(ctx: Ctx, o: ChangesOptions): Promise<ListResult> {
  if (!o.sinceLast) {
    // The rows stream from the database while they are written out: it closes once they are.
    const { store, done } = await ctx.openStore(o.db, 'read');
    try {
      const result = listed(store, o, list(store, o, 0));
      return { ...result, release: () => (result.release?.(), done(true)) };
    } catch (e) {
      done(false);
      throw e;
    }
  }
  // The sets are read and the marker moved in one transaction, and it commits only once the output
  // is written (respond.ts): a set that commits meanwhile waits and is read by the next call, and
  // output that fails to arrive leaves the marker where it was.
  const { store, done } = await ctx.openStore(o.db, 'write');
  try {
    // The marker moves past the newest set, reported or filtered out.
    const held = store.holdMarker(SEEN_KEY, (seen) => ({ value: list(store, o, seen), marker: store.log.newest() }));
    let result: ListResult;
    try {
      result = listed(store, o, held.value);
    } catch (e) {
      held.rollback();
      throw e;
    }
    const finish = (end: () => void) => () => {
      try {
        end();
      } finally {
        done(true);
      }
    };
    return { ...result, delivery: { commit: finish(held.commit), abandon: finish(held.rollback) } };
  } catch (e) {
    done(false);
    throw e;
  }
}

function list(store: Store, o: ChangesOptions, after: number): ChangeSet[] {
  const treaty = o.treaty === undefined ? undefined : store.treaty(o.treaty).id;
  return store.log.sets({ after, since: o.since, withSeed: o.withSeed, treaty });
}

/** The set rows as they are read, counted for the notice; `release` ends a read the output left half done. */
function streamed(rows: Iterable<SetRow>): { rows: Generator<Row>; count: () => number } {
  let n = 0;
  const out = (function* () {
    for (const r of rows) {
      n += 1;
      yield rowRow(r);
    }
  })();
  return { rows: out, count: () => n };
}

function listed(store: Store, o: ChangesOptions, sets: ChangeSet[]): ListResult {
  const alert = o.since !== undefined || o.sinceLast;
  const since = o.sinceLast ? ' since the last --since-last' : o.since ? ` since ${o.since}` : '';
  const exit = alert && sets.length === 0 ? { exitCode: NO_CHANGES_EXIT } : {};
  const ofSets = `${sets.length} change set${sets.length === 1 ? '' : 's'}`;
  if (!o.rows) return { kind: 'list', columns: o.columns, rows: sets.map(setRow), notice: `${ofSets}${since}`, ...exit };
  const { rows, count } = streamed(store.log.rows(sets));
  const notice = () => `${count()} row${count() === 1 ? '' : 's'} of ${ofSets}${since}`;
  return { kind: 'list', columns: o.columns, rows, release: () => void rows.return(undefined), notice, ...exit };
}

export interface UndoOptions {
  db: string | undefined;
  id: number;
  dryRun: boolean;
  command: string;
}

export async function undo(ctx: Ctx, o: UndoOptions): Promise<ListResult> {
  // The rows are read back from the log while they are written out (a whole import's can be many):
  // the database closes once they are.
  const { store, done } = await ctx.openStore(o.db, 'write');
  try {
    const { undo: s, set, rows: read, counts } = store.log.undo(o.id, o.command, o.dryRun);
    const did = `${counts.added} added, ${counts.changed} changed, ${counts.removed} removed`;
    const notice = o.dryRun ? `would undo set ${s.id} (${s.command}): ${did}` : `undid set ${s.id} (${s.command}) as set ${set}: ${did}`;
    const { rows } = streamed(read);
    return { kind: 'list', columns: ROW_COLUMNS, rows, release: () => (rows.return(undefined), done(true)), notice, noticeAlways: true, emptyText: '', tableLimit: 20 };
  } catch (e) {
    done(false);
    // Here the file is known: SQLite's own message names no file.
    throw isSqliteError(e) ? describeSqliteError(e, store.path) : e;
  }
}
