// treaty report: everything a one-page brief needs about one treaty or all of them, gathered for the
// HTML page (the status, the cumulative series, the regional groups, the participants and sources).
import type { IsoDate } from '../domain/dates.js';
import { withKept } from '../domain/checks.js';
import { headerChecks } from '../domain/header-checks.js';
import type { Participant, TreatyDefinition } from '../domain/model.js';
import { regionalBreakdown } from '../domain/regions.js';
import { sourceItems } from '../domain/source.js';
import { reportWords } from '../domain/reports.js';
import { cumulativeSeries } from '../domain/series.js';
import { dataCoveredTo, participantStates, treatyStatus } from '../domain/status.js';
import type { Ctx } from '../context.js';
import type { ReportResult, ReportSection } from '../formats/result.js';
import { ruleEnv } from './rule-env.js';
import type { Store } from '../store/store.js';

export interface ReportOptions {
  db: string | undefined;
  treaty: string;
  allTreaties: boolean;
  asOf: IsoDate | undefined;
  version: string;
}

export async function report(ctx: Ctx, o: ReportOptions): Promise<ReportResult> {
  const asOf = o.asOf ?? ctx.today();
  return ctx.withStore(o.db, 'read', (store) => {
    const treaties = o.allTreaties ? store.definitions() : [store.treaty(o.treaty)];
    const participants = store.participants();
    return { kind: 'report', as_of: asOf, made_on: ctx.today(), version: o.version, sections: treaties.map((t) => section(store, participants, t, asOf)) };
  });
}

function section(store: Store, participants: ReadonlyMap<string, Participant>, treaty: TreatyDefinition, asOf: IsoDate): ReportSection {
  const published = store.published(treaty.id);
  const actions = store.actions(treaty.id);
  const reports = store.reports(treaty.id);
  const base = treatyStatus(treaty, participants, actions, asOf, published, ruleEnv(store), reports);
  const status = { ...base, checks: withKept([...headerChecks(treaty, participants, actions, published), ...base.checks], store.checks(treaty.id)) };
  const states = participantStates(treaty, participants, actions, asOf, { published });
  const sources = new Map<string, Set<string>>();
  const addSources = (code: string, text: string | undefined) => {
    if (!text) return;
    const set = sources.get(code) ?? new Set<string>();
    for (const item of sourceItems(text) ?? []) set.add(item.kind === 'url' ? item.text : `[${item.text}]`);
    sources.set(code, set);
  };
  for (const a of actions) if (a.date <= asOf) addSources(a.code, a.source);
  for (const p of published) if ((p.in_force_on ?? p.party_by)! <= asOf) addSources(p.code, p.source);
  return {
    treaty,
    status,
    series: cumulativeSeries(treaty, states),
    data_end: [dataCoveredTo(treaty, actions.filter((a) => a.date <= asOf)), asOf].sort()[0]!,
    regions: regionalBreakdown(states),
    participants: states.filter((s) => s.status !== 'none').map((s) => ({ ...s, sources: [...(sources.get(s.code) ?? [])] })),
    not_yet: states.filter((s) => s.status === 'none').map((s) => {
      const claims = reports.filter((r) => r.code === s.code && r.date <= asOf);
      return claims.length ? `${s.name} (reported: ${claims.map((r) => reportWords(r)).join('; ')}; not in the depositary's data)` : s.name;
    }),
    reports: reports.filter((r) => r.date <= asOf).map((r) => ({ ...r, words: reportWords(r, r.code ? (participants.get(r.code)?.name ?? r.code) : undefined) })),
  };
}
