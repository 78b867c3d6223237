// `treaty history` for people: each participant, where it stands in each treaty, then its actions.
import type { Style } from '../ui/style.js';
import { wrapText } from '../ui/wrap.js';
import type { HistoryResult } from './result.js';
import { table, type TableView } from './table.js';

/** Shown in each participant's heading rather than repeated on every row. */
const IN_HEADING = new Set(['code', 'name', 'status', 'in_force_on']);

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
      yield fit(`${t.treaty} ${style.dim(String(t.short_title))}: status ${t.status}${dates.length ? `; ${dates.join(', ')}` : ''}`, '  ', '    ');
    }
    const rows = result.list.rows.filter((r) => r.code === p.code);
    if (rows.length > 0 && columns.length > 0) yield* table({ kind: 'list', columns, rows }, style, { ...view, command: 'history' });
    else if (rows.length === 0) yield '  No action recorded.\n';
  }
}
