// treaty changes: the change log, newest last; and treaty undo <id>: one logged change reversed.
import type { IsoDate } from '../domain/dates.js';
import type { ActionRow } from '../domain/model.js';
import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';
import type { ListResult } from '../formats/result.js';
import { actionWriter, storedActions, writeTransaction, type ChangeRecord } from '../store/writes.js';
import { planResult } from './plan-result.js';
import { undoTreatyChange } from '../store/treaty-writes.js';

export const CHANGE_COLUMNS = ['id', 'at', 'command', 'entity', 'key', 'before', 'after'] as const;

export interface ChangesOptions {
  db: string | undefined;
  /** Only changes made on or after this date (UTC). */
  since: IsoDate | undefined;
  /** Only changes to this treaty's rows. */
  treaty: string | undefined;
  /** Also the rows written when the database was created from the bundled data. */
  withSeed: boolean;
  /** Only changes made since the previous --since-last call on this database, which it remembers. */
  sinceLast: boolean;
  columns: readonly string[];
}

/** Exit code of `treaty changes --since/--since-last` when there is nothing new, so cron jobs can tell. */
export const NO_CHANGES_EXIT = 3;

const SEEN_KEY = 'changes_seen_up_to';

export async function changes(ctx: Ctx, o: ChangesOptions): Promise<ListResult> {
  return ctx.withStore(o.db, o.sinceLast ? 'write' : 'read', (store) => {
    const treaty = o.treaty === undefined ? undefined : store.treaty(o.treaty).id;
    const seen = o.sinceLast ? Number((store.db.prepare('SELECT value FROM meta WHERE key = ?').get(SEEN_KEY) as { value: string } | undefined)?.value ?? 0) : 0;
    const rows = (
      store.db
        .prepare(
          `SELECT id, at, command, entity, key, before, after FROM changes
           WHERE id > @seen AND at >= @since AND (@seed = 1 OR command <> 'seed') AND (@treaty IS NULL OR substr(key, 1, length(@treaty) + 1) = @treaty || '|')
           ORDER BY id`,
        )
        .all({ seen, since: o.since ?? '0000', seed: o.withSeed ? 1 : 0, treaty: treaty ?? null }) as ChangeRecord[]
    ).map((c) => ({ ...c }));
    if (o.sinceLast) {
      // Remember the newest change, seen or not (a filtered call still moves the marker past what it skipped).
      const newest = (store.db.prepare('SELECT max(id) AS id FROM changes').get() as { id: number | null }).id ?? 0;
      store.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(SEEN_KEY, String(newest));
    }
    const alert = o.since !== undefined || o.sinceLast;
    const since = o.sinceLast ? ' since the last --since-last' : o.since ? ` since ${o.since}` : '';
    return {
      kind: 'list',
      columns: o.columns,
      rows,
      notice: `${rows.length} change${rows.length === 1 ? '' : 's'}${since}`,
      ...(alert && rows.length === 0 ? { exitCode: NO_CHANGES_EXIT } : {}),
    };
  });
}

export interface UndoOptions {
  db: string | undefined;
  id: number;
  dryRun: boolean;
  command: string;
}

export async function undo(ctx: Ctx, o: UndoOptions): Promise<ListResult> {
  return ctx.withStore(o.db, 'write', (store) => {
    let summary = '';
    let plan: Parameters<typeof planResult>[0] = { added: [], changed: [], removed: [], unchanged: [] };
    writeTransaction(store.db, () => {
      const change = store.db.prepare('SELECT id, at, command, entity, key, before, after FROM changes WHERE id = ?').get(o.id) as ChangeRecord | undefined;
      if (!change) throw new UserError(`no change number ${o.id}`, 'list them with: treaty changes');
      if (change.entity === 'treaty') {
        summary = undoTreatyChange(store.db, change, o.command, ctx.now(), o.dryRun);
        return;
      }
      if (change.entity !== 'action') throw new UserError(`change ${o.id} is to a ${change.entity} row; only changes to actions and treaties can be undone`);
      const before = change.before === null ? null : (JSON.parse(change.before) as ActionRow);
      const after = change.after === null ? null : (JSON.parse(change.after) as ActionRow);
      const probe = (after ?? before)!;
      const current = storedActions(store.db, [probe.treaty]).find((a) => a.code === probe.code && a.action === probe.action && a.date === probe.date) ?? null;
      if (JSON.stringify(current) !== JSON.stringify(after)) {
        throw new UserError(`change ${o.id} cannot be undone: the row has changed since (${change.key})`, 'undo the later changes first; see: treaty changes');
      }
      const write = actionWriter(store.db, o.command, ctx.now());
      if (after && !before) plan = { ...plan, removed: [after] };
      else if (before && !after) plan = { ...plan, added: [before] };
      else plan = { ...plan, changed: [{ before: after!, after: before! }] };
      if (!o.dryRun) write.apply(plan);
      summary = `${o.dryRun ? 'would undo' : 'undid'} change ${o.id} (${change.command}, ${change.key})`;
    });
    return planResult(plan, summary);
  });
}
