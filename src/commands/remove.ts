// treaty remove <participant> <action> <date>: one stored action, by the key it was recorded with.
import type { IsoDate } from '../domain/dates.js';
import type { ActionRow } from '../domain/model.js';
import { buildNameIndex } from '../domain/names.js';
import type { Action } from '../domain/vocabulary.js';
import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';
import type { ListResult } from '../formats/result.js';
import { requireParticipant } from '../participant-lookup.js';
import { actionWriter } from '../store/writes.js';
import { planResult } from './plan-result.js';

export interface RemoveOptions {
  db: string | undefined;
  treaty: string;
  participant: string;
  action: Action;
  date: IsoDate;
  dryRun: boolean;
  command: string;
}

export async function removeAction(ctx: Ctx, o: RemoveOptions): Promise<ListResult> {
  return ctx.withStore(o.db, 'write', (store) => {
    const treaty = store.treaty(o.treaty);
    const participant = requireParticipant(o.participant, buildNameIndex(store.participants().values()));
    let removed: ActionRow | undefined;
    store.write(o.command, (tx) => {
      const same = store.actions(treaty.id).filter((a) => a.code === participant.code && a.action === o.action);
      removed = same.find((a) => a.date === o.date);
      if (!removed) {
        throw new UserError(
          `${participant.name} (${participant.code}) has no ${o.action} of ${treaty.id} on ${o.date}`,
          same.length ? `its ${o.action}: ${same.map((a) => a.date).join(', ')}` : `see: treaty history ${participant.code} --treaty ${treaty.id}`,
        );
      }
      if (!o.dryRun) actionWriter(tx).remove(removed);
    });
    const plan = { added: [], changed: [], removed: [removed!], unchanged: [] };
    return planResult(plan, `${o.dryRun ? 'would remove' : 'removed'} ${participant.name} (${participant.code}): ${o.action} of ${treaty.id} on ${o.date}`);
  });
}
