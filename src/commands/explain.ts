// treaty explain: the rule in words, the instruments counted so far, and the arithmetic of the date.
import type { IsoDate } from '../domain/dates.js';
import { entryIntoForce } from '../domain/entry-into-force.js';
import { explain, reportsOnTheCount } from '../domain/explain.js';
import { withKept } from '../domain/checks.js';
import { headerChecks } from '../domain/header-checks.js';
import { participantStates, treatyStatus } from '../domain/status.js';
import { certaintyWords } from '../formats/certainty.js';
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
    const actions = store.actions(treaty.id, asOf);
    const published = store.published(treaty.id);
    const env = ruleEnv(store);
    const eif = entryIntoForce(treaty.rule, participants, actions, env);
    const status = treatyStatus(treaty, participants, actions, asOf, published, env);
    // Parties whose consent no source dates are not in the engine's list; the explanation names them.
    const undated = participantStates(treaty, participants, actions, asOf, { eif, published })
      .filter((s) => s.date_unknown)
      .map((s) => ({ code: s.code, name: s.name, party_by: s.party_by, in_force_on: s.in_force_on, words: certaintyWords(s)! }));
    const checks = withKept([...headerChecks(treaty, participants, store.actions(treaty.id), published), ...status.checks], store.checks(treaty.id));
    const reported = reportsOnTheCount(treaty, participants, store.reports(treaty.id), asOf);
    return { kind: 'explain', explanation: { ...explain(treaty, participants, eif, asOf, env), undated, checks, reported } };
  });
}
