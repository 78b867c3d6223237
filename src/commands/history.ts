// treaty history <participant>...: what each participant did, in date order, with the depositary
// reference and source of each action, and where it stands in each treaty.
import type { IsoDate } from '../domain/dates.js';
import { buildNameIndex, resolveParticipant } from '../domain/names.js';
import { compareText } from '../domain/nearest.js';
import { reportsAbout } from '../domain/reports.js';
import { participantStates } from '../domain/status.js';
import type { Ctx } from '../context.js';
import type { HistoryResult, Row } from '../formats/result.js';
import { requireParticipant } from '../participant-lookup.js';
import { historyTexts, textAsHistoryRow } from './history-texts.js';
import { isReportRow, NOT_A_REPORT, REPORT_HISTORY_COLUMNS, reportHistoryRow } from '../formats/history-reports.js';
import { undatedConsentRow } from '../formats/history-undated.js';
import { partyProofs } from '../domain/party-proof.js';

export const HISTORY_COLUMNS = ['code', 'name', 'treaty', 'date', 'action', 'reference', 'source', 'note', 'status', 'in_force_on', ...REPORT_HISTORY_COLUMNS] as const;

export interface HistoryOptions {
  db: string | undefined;
  /** One treaty, or every treaty in the database when undefined. */
  treaty: string | undefined;
  asOf: IsoDate | undefined;
  participants: readonly string[];
  columns: readonly string[];
}

export async function history(ctx: Ctx, o: HistoryOptions): Promise<HistoryResult> {
  const asOf = o.asOf ?? ctx.today();
  return ctx.withStore(o.db, 'read', (store) => {
    const known = store.participants();
    const index = buildNameIndex(known.values());
    const chosen = [...new Map(o.participants.map((q) => requireParticipant(q, index)).map((p) => [p.code, p])).values()];
    const treaties = o.treaty === undefined ? store.definitions() : [store.treaty(o.treaty)];

    const standing = new Map<string, Row[]>(chosen.map((p) => [p.code, []]));
    const reported = new Map<string, Row[]>(chosen.map((p) => [p.code, []]));
    const rows: Row[] = [];
    const codeOf = (name: string) => {
      const r = resolveParticipant(name, index);
      return r.kind === 'found' ? r.participant.code : null;
    };
    for (const treaty of treaties) {
      const actions = store.actions(treaty.id, asOf);
      const published = store.published(treaty.id);
      // Looked up by code: no need for the name order, whose sort keys cost a cold start.
      const states = new Map(participantStates(treaty, known, actions, asOf, { published, sorted: false }).map((s) => [s.code, s]));
      const proofs = partyProofs(treaty, published);
      const reports = store.reports(treaty.id);
      for (const p of chosen) {
        const s = states.get(p.code)!;
        for (const r of reportsAbout(reports, p.code, asOf)) {
          reported.get(p.code)!.push({ ...r });
          rows.push(reportHistoryRow(r, p, s));
        }
        standing.get(p.code)!.push({ treaty: treaty.id, short_title: treaty.short_title, status: s.status, signed_on: s.signed_on, consent_on: s.consent_on, in_force_on: s.in_force_on, date_unknown: s.date_unknown, party_by: s.party_by });
        if (s.date_unknown && s.consent_on === null) rows.push(undatedConsentRow(p, treaty.id, proofs.get(p.code), s, NOT_A_REPORT));
        for (const a of actions) {
          if (a.code !== p.code) continue;
          rows.push({ code: p.code, name: p.name, treaty: a.treaty, date: a.date, action: a.action, reference: a.reference, source: a.source, note: a.note, status: s.status, in_force_on: s.in_force_on, ...NOT_A_REPORT });
        }
        // The page gives most texts no date: those come after the participant's dated rows.
        for (const t of historyTexts(treaty, actions, p.code, codeOf)) if (t.date === null || t.date <= asOf) rows.push({ ...textAsHistoryRow(t, treaty, p, s), ...NOT_A_REPORT });
      }
    }
    const order = new Map(chosen.map((p, i) => [p.code, i]));
    // Each participant's actions (a consent of unknown date after the dated ones), then the reports
    // about it: claims are listed apart, never among the facts.
    rows.sort(
      (a, b) =>
        order.get(a.code as string)! - order.get(b.code as string)! ||
        Number(isReportRow(a)) - Number(isReportRow(b)) ||
        Number(a.date === null) - Number(b.date === null) ||
        compareText(String(a.date), String(b.date)) ||
        compareText(String(a.treaty), String(b.treaty)),
    );
    return {
      kind: 'history',
      participants: chosen.map((p) => ({ code: p.code, name: p.name, treaties: standing.get(p.code)!, reports: reported.get(p.code)! })),
      list: { kind: 'list', columns: o.columns, rows },
    };
  });
}
