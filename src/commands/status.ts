// treaty status: where a treaty stands as of a date.
import type { IsoDate } from '../domain/dates.js';
import { headerChecks } from '../domain/header-checks.js';
import { treatyStatus } from '../domain/status.js';
import { withKept } from '../domain/checks.js';
import type { Ctx } from '../context.js';
import type { StatusResult } from '../formats/result.js';
import { ruleEnv } from './rule-env.js';

export interface StatusOptions {
  db: string | undefined;
  treaty: string;
  asOf: IsoDate | undefined;
}

export async function status(ctx: Ctx, o: StatusOptions): Promise<StatusResult> {
  const asOf = o.asOf ?? ctx.today();
  return ctx.withStore(o.db, 'read', (store) => {
    const treaty = store.treaty(o.treaty);
    const participants = store.participants();
    const published = store.published(treaty.id);
    // One read of the actions serves both: treatyStatus ignores those after asOf itself.
    const actions = store.actions(treaty.id);
    const status = treatyStatus(treaty, participants, actions, asOf, published, ruleEnv(store), store.reports(treaty.id));
    const checks = headerChecks(treaty, participants, actions, published);
    return { kind: 'status', status: { ...status, checks: withKept([...checks, ...status.checks], store.checks(treaty.id)) }, treaty };
  });
}
