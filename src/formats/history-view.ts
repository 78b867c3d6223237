// `treaty history` for people: each participant, where it stands in each treaty, then its actions.
import type { Style } from '../ui/style.js';
import { wrapText } from '../ui/wrap.js';
import { reportWords, type Report } from '../domain/reports.js';
import { isReportRow, REPORT_HISTORY_COLUMNS } from './history-reports.js';
import { isUndatedRow } from './history-undated.js';
import { certaintyWords } from './certainty.js';
import type { HistoryResult } from './result.js';
import { table, type TableView } from './table.js';
import { TEXT_ROW } from '../commands/history-texts.js';

/** Shown in each participant's heading rather than repeated on every row (reports as "reported: …" lines). */
const IN_HEADING = new Set<string>(['code', 'name', 'status', 'in_force_on', ...REPORT_HISTORY_COLUMNS]);

export function* historyView(result: HistoryResult, style: Style, view: TableView = {}): Generator<string> {
  const columns = result.list.columns.filter((c) => !IN_HEADING.has(c));
  for (const [i, p] of result.participants.entries()) {
    if (i > 0) yield '\n';
    const fit = (text: string, first: string, indent: string) => `${(view.width === undefined ? [first + text] : wrapText(text, view.width, { first, indent })).join('\n')}\n`;
    yield fit(`${style.bold(p.name)} ${style.dim(`(${p.code})`)}`, '', '');
    for (const t of p.treaties) {
      const dates = [
        t.signed_on ? `signed on ${t.signed_on}` : null,
        t.consent_on ? `consent on ${t.consent_on}` : null,
        t.in_force_on ? `in force for it on ${t.in_force_on}` : null,
      ].filter(Boolean);
      const unknown = certaintyWords({ date_unknown: t.date_unknown ?? null, party_by: t.party_by ?? null, in_force_on: t.in_force_on ?? null });
      yield fit(`${t.treaty} ${style.dim(String(t.short_title))}: status ${t.status}${dates.length ? `; ${dates.join(', ')}` : ''}${unknown ? `; ${unknown}` : ''}`, '  ', '    ');
    }
    // Reports are claims, not actions: listed apart, with their grade, and never in a count.
    for (const r of (p.reports ?? []) as unknown as Report[]) {
      // Wrapped as plain text: a colour that a line break cut would run on into the next lines.
      yield fit(`reported: ${reportWords(r)}; not in the depositary's data (${r.treaty}, source: ${r.source})`, '  ', '    ');
    }
    const rows = result.list.rows.filter((r) => r.code === p.code && !isReportRow(r) && !isUndatedRow(r) && r[TEXT_ROW] !== true);
    const texts = result.list.rows.filter((r) => r.code === p.code && r[TEXT_ROW] === true);
    if (rows.length > 0 && columns.length > 0) yield* table({ kind: 'list', columns, rows }, style, { ...view, command: 'history' });
    else if (rows.length === 0 && texts.length === 0) yield fit(p.treaties.some((t) => t.date_unknown === true) ? 'No action recorded: the dates of its actions are not found in any source.' : `No action recorded${p.reports?.length ? ' by the depositary or another dated source' : ''}.`, '  ', '  ');
    // The depositary's own words, in full: a lawyer reads them, so they are wrapped, never cut.
    for (const t of texts) {
      const [first, ...rest] = String(t.note).split('\n');
      const heading = rest.length > 0 && /:$/.test(first!) ? first! : null;
      const body = heading ? rest : [first!, ...rest];
      yield fit(`${t.action} (${t.treaty}${t.date ? `, ${t.date}` : ', undated on the page'})${heading ? `: ${heading}` : ''}`, '  ', '    ');
      for (const line of body) yield fit(line, '    ', '    ');
    }
  }
}
