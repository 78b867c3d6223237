// treaty record <participant> <action> <date>: one action, as the user read it somewhere.
import { actionKey, checkActions } from '../domain/check-actions.js';
import type { IsoDate } from '../domain/dates.js';
import type { ActionRow } from '../domain/model.js';
import { buildNameIndex } from '../domain/names.js';
import { describePlan, isEmpty, planAdd, type Plan } from '../domain/plan.js';
import { plausibility, type Implausible } from '../domain/plausibility.js';
import type { Action } from '../domain/vocabulary.js';
import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';
import type { ListResult } from '../formats/result.js';
import { requireParticipant } from '../participant-lookup.js';
import { actionWriter } from '../store/writes.js';
import { planResult } from './plan-result.js';

export interface RecordOptions {
  db: string | undefined;
  treaty: string;
  participant: string;
  action: Action;
  date: IsoDate;
  reference: string | null;
  source: string;
  note: string | null;
  replace: boolean;
  dryRun: boolean;
  command: string;
}

export async function record(ctx: Ctx, o: RecordOptions): Promise<ListResult> {
  return ctx.withStore(o.db, 'write', (store) => {
    const treaty = store.treaty(o.treaty);
    const participants = store.participants();
    const participant = requireParticipant(o.participant, buildNameIndex(participants.values()));
    const row: ActionRow = { treaty: treaty.id, code: participant.code, action: o.action, date: o.date, reference: o.reference, source: o.source, note: o.note };
    const problem = checkActions([{ where: 'record', row }], new Map([[treaty.id, treaty]]), new Set(participants.keys()))[0];
    if (problem) throw new UserError(problem.message);
    let plan: Plan | undefined;
    let doubts: Implausible[] = [];
    store.write(o.command, (tx) => {
      const stored = store.actions(treaty.id);
      doubts = plausibility(treaty, row, stored, ctx.today());
      const planned = planAdd(stored, [{ where: 'record', row }], o.replace);
      const trouble = planned.problems[0];
      if (trouble) throw new UserError(trouble.message, trouble.hint);
      plan = planned.plan;
      if (!o.dryRun) actionWriter(tx).apply(plan);
    });
    const done = plan!;
    const what = `${participant.name} (${participant.code}): ${row.action} of ${treaty.id} on ${row.date}`;
    const notice = isEmpty(done)
      ? `no change: ${what} is already recorded (${actionKey(row)})`
      : `${o.dryRun ? 'would record' : 'recorded'} ${what}: ${describePlan(done)}`;
    // Warned, never refused and never stored: the user may know better than the usual pattern.
    return planResult(done, [notice, ...doubts.map((d) => `warning: ${d.message}`)].join('\n'));
  });
}
