// treaty explain: the rule in words, the instruments counted so far, and the arithmetic of the date.
import type { IsoDate } from '../domain/dates.js';
import { entryIntoForce } from '../domain/entry-into-force.js';
import { explain } from '../domain/explain.js';
import type { Ctx } from '../context.js';
import type { ExplainResult } from '../formats/result.js';
import { ruleEnv } from './rule-env.js';

export interface ExplainOptions {
  db: string | undefined;
  treaty: string;
  asOf: IsoDate | undefined;
}

export async function explainCommand(ctx: Ctx, o: ExplainOptions): Promise<ExplainResult> {
  const asOf = o.asOf ?? ctx.today();
  return ctx.withStore(o.db, 'read', (store) => {
    const treaty = store.treaty(o.treaty);
    const participants = store.participants();
    const env = ruleEnv(store);
    const eif = entryIntoForce(treaty.rule, participants, store.actions(treaty.id, asOf), env);
    return { kind: 'explain', explanation: explain(treaty, participants, eif, asOf, env) };
  });
}
