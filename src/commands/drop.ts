// treaty drop <treaty> --yes: a treaty removed with everything kept under it, as one logged change
// that treaty undo reverses. Without --yes it says what it would remove and removes nothing, on a
// terminal or not: a prompt would hang a script, and a script that forgot the flag should fail.
import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import type { ListResult } from '../formats/result.js';
import { dropCounts, dropTreaty, type DropCounts } from '../store/treaty-writes.js';

export interface DropOptions {
  db: string | undefined;
  treaty: string;
  yes: boolean;
  command: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function describe(c: DropCounts): string {
  return [
    plural(c.aliases, 'alias', 'aliases'),
    plural(c.actions, 'action', 'actions'),
    plural(c.published, 'published date', 'published dates'),
    plural(c.reports, 'report', 'reports'),
    plural(c.checks, 'kept check', 'kept checks'),
  ].join(', ');
}

export async function dropTreatyCommand(ctx: Ctx, o: DropOptions): Promise<ListResult> {
  return ctx.withStore(o.db, o.yes ? 'write' : 'read', (store) => {
    const t = store.treaty(o.treaty);
    if (!o.yes) {
      throw new UsageError(`treaty drop ${t.id} would remove ${t.id} (${t.short_title}) with ${describe(dropCounts(store, t.id))}; nothing was removed`, `give --yes to remove it: treaty drop ${t.id} --yes`);
    }
    const counts = store.write(o.command, (tx) => dropTreaty(tx, store, t.id));
    return {
      kind: 'list',
      columns: ['treaty', 'aliases', 'actions', 'published', 'reports', 'checks'],
      rows: [{ treaty: t.id, ...counts }],
      notice: `dropped treaty ${t.id} (${t.short_title}) with ${describe(counts)}; treaty undo brings it back (see treaty changes --treaty ${t.id})`,
      noticeAlways: true,
    };
  });
}
