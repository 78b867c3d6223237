// Reports in `treaty history`: what a source that is not the depositary claims a participant did.
// In machine formats they are rows of their own, told apart from actions by a grade: `action` stays
// null (the claimed action is in `claim`), so a script that counts actions by type never counts one.
import type { Report } from '../domain/reports.js';
import type { Row } from './result.js';

/** The columns only a report fills (null on an action's row), after the action columns. */
export const REPORT_HISTORY_COLUMNS = ['claim', 'precision', 'grade'] as const;

/** One history row for a report about a participant, with its standing in that treaty like an action's row. */
export function reportHistoryRow(r: Report, who: { code: string; name: string }, standing: { status: string; in_force_on: string | null }): Row {
  return {
    code: who.code,
    name: who.name,
    treaty: r.treaty,
    date: r.date,
    action: null,
    reference: null,
    source: r.source,
    note: r.note,
    status: standing.status,
    in_force_on: standing.in_force_on,
    claim: r.claim,
    precision: r.precision,
    grade: r.grade,
  };
}

/** An action's row has no grade: the columns of reports are null on it. */
export const NOT_A_REPORT: Row = { claim: null, precision: null, grade: null };

/** A row the table shows in the participant's heading (as "reported: …"), not among its actions. */
export function isReportRow(row: Row): boolean {
  return row.grade !== null && row.grade !== undefined;
}
