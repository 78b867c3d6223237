// treaty what-if: hypothetical deposits on top of the real data, through the same engine as status.
// Nothing is ever written: the database is opened read-only.
import { laterOf, type IsoDate } from '../domain/dates.js';
import { entryIntoForce } from '../domain/entry-into-force.js';
import { explain, explainInOneLine, KIND_WORDS } from '../domain/explain.js';
import type { ActionRow, Participant } from '../domain/model.js';
import { buildNameIndex } from '../domain/names.js';
import { participantStates, treatyStatus } from '../domain/status.js';
import type { Action } from '../domain/vocabulary.js';
import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';
import type { Row, StatusResult } from '../formats/result.js';
import { requireParticipant } from '../participant-lookup.js';
import { ruleEnv } from './rule-env.js';

export interface Deposit {
  participant: string;
  date: IsoDate;
  action: Action;
}

export interface WhatIfOptions {
  db: string | undefined;
  treaty: string;
  asOf: IsoDate | undefined;
  deposits: readonly Deposit[];
  /** `--add N --on DATE`: N deposits by participants not named. */
  anonymous: { count: number; on: IsoDate } | undefined;
  /** `--pipeline DATE`: every signatory that has taken a domestic step deposits on that date. */
  pipeline: IsoDate | undefined;
}

const HYPOTHETICAL = 'https://example.org/hypothetical';

export async function whatIf(ctx: Ctx, o: WhatIfOptions): Promise<StatusResult> {
  return ctx.withStore(o.db, 'read', (store) => {
    const treaty = store.treaty(o.treaty);
    const participantsBefore = store.participants();
    const participants = new Map(participantsBefore);
    const index = buildNameIndex(participants.values());
    const real = store.actions(treaty.id);
    const added: ActionRow[] = [];
    for (const d of o.deposits) {
      const p = requireParticipant(d.participant, index);
      const own = real.filter((a) => a.code === p.code);
      const deposited = own.find((a) => (treaty.rule.counted_actions as readonly string[]).includes(a.action));
      if (deposited) throw new UserError(`${p.name} (${p.code}) has already deposited: ${deposited.action} on ${deposited.date}`);
      const latest = own.reduce<string | null>((m, a) => (m === null || a.date > m ? a.date : m), null);
      if (latest !== null && d.date < latest) throw new UserError(`${d.date} is before ${p.name}'s latest recorded action (${latest})`, 'a hypothetical deposit comes after what is already known');
      if (d.date < treaty.signature.opens_on) throw new UserError(`${d.date} is before ${treaty.id} opened for signature on ${treaty.signature.opens_on}`);
      if (added.some((a) => a.code === p.code)) throw new UserError(`${p.name} is named twice`);
      added.push({ treaty: treaty.id, code: p.code, action: d.action, date: d.date, reference: null, source: HYPOTHETICAL, note: 'hypothetical' });
    }
    if (o.pipeline !== undefined) {
      const pipelineOn = o.pipeline;
      const named = new Set(added.map((a) => a.code));
      for (const p of participantStates(treaty, participants, real, ctx.today(), { sorted: false })) {
        if (p.status !== 'signed' || p.latest_step === null || named.has(p.code)) continue;
        if (p.latest_step_on! > pipelineOn) throw new UserError(`--pipeline ${pipelineOn} is before ${p.name}'s latest step (${p.latest_step_on})`);
        added.push({ treaty: treaty.id, code: p.code, action: 'ratification', date: pipelineOn, reference: null, source: HYPOTHETICAL, note: `hypothetical: after its ${p.latest_step?.replace('_', ' ')} of ${p.latest_step_on}` });
      }
    }
    for (let i = 1; i <= (o.anonymous?.count ?? 0); i++) {
      // Stand-ins, so that counting rules apply to them as to any State.
      const code = `H${String(i).padStart(2, '0')}`;
      participants.set(code, { code, iso2: null, name: `hypothetical State ${i}`, short_name: `hypothetical ${i}`, aliases: [], kind: 'state', un_group: 'none', groups: [] } satisfies Participant);
      added.push({ treaty: treaty.id, code, action: 'ratification', date: o.anonymous!.on, reference: null, source: HYPOTHETICAL, note: 'hypothetical' });
    }
    if (added.length === 0) {
      throw new UserError(o.pipeline !== undefined ? 'no signatory is in the pipeline (a domestic step without a deposit)' : 'what-if needs a hypothesis', 'give --deposit "Qatar:2026-12-15" (repeatable), --add N --on DATE, or --pipeline DATE');
    }
    // Evaluated once every hypothetical deposit has happened, unless --as-of says otherwise.
    const latest = added.reduce((m, a) => laterOf(m, a.date), ctx.today());
    const asOf = o.asOf ?? latest;
    const actions = [...real, ...added];
    const env = ruleEnv(store);
    const status = treatyStatus(treaty, participants, actions, asOf, store.published(treaty.id), env);
    const eif = entryIntoForce(treaty.rule, participants, actions.filter((a) => a.date <= asOf), env);
    const states = new Map(participantStates(treaty, participants, actions, asOf, { eif, sorted: false }).map((s) => [s.code, s]));
    const hypotheses: Row[] = added.map((a) => ({ code: a.code, name: participants.get(a.code)!.name, action: a.action, date: a.date, in_force_on: states.get(a.code)?.in_force_on ?? null }));
    const excluded = added.filter((a) => treaty.rule.excluded_kinds.includes(participants.get(a.code)!.kind));
    const why = excluded.map((a) => `${participants.get(a.code)!.name} does not count: the instrument of a ${KIND_WORDS[participants.get(a.code)!.kind] ?? 'participant of its kind'} is not counted in addition to its members'.`);
    const explanation = [explainInOneLine(explain(treaty, participants, eif, asOf, env)), ...why].join(' ');
    const anonymous = o.anonymous && { codes: added.filter((a) => !participantsBefore.has(a.code)).map((a) => a.code), on: o.anonymous.on };
    return { kind: 'status', status, treaty, whatIf: { hypotheses, explanation, anonymous } };
  });
}
