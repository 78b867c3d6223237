// The one output layer: a result and a format in, text on the sink out.
import type { Format } from '../domain/vocabulary.js';
import type { Sink } from '../ui/sink.js';
import type { Style } from '../ui/style.js';
import { MACHINE } from './machine.js';
import { visibleDeep } from './visible-text.js';
import { listOf, type HeldList, type ListResult, type Result, type Row } from './result.js';
import { statusAsList } from './status-row.js';
import { statusView } from './status-view.js';
import { explainView } from './explain-view.js';
import { historyView } from './history-view.js';
import { timelineView } from './timeline-view.js';
import { table, type TableView } from './table.js';

/**
 * `view` says what a table may know of the terminal: its width (none in a pipe), --wide, the command
 * (for its order of hiding columns) and where notices for people go.
 */
export function render(result: Result, format: Format, out: Sink, style: Style, view: TableView = {}): void {
  // history draws one table per participant; its notice is said once.
  const said = new Set<string>();
  const notice = view.notice && ((line: string) => void (said.has(line) || (said.add(line), view.notice!(line))));
  for (const chunk of chunks(result, format, style, { ...view, notice })) {
    out.write(chunk);
    if (out.closed) return;
  }
}

function* chunks(given: Result, format: Format, style: Style, view: TableView): Iterable<string> {
  const width = view.width;
  if (given.kind === 'text') return yield given.text;
  // What reaches a terminal shows the control characters of notes, names and headers as escapes;
  // machine formats keep the exact text.
  const result = format === 'table' ? shownToPeople(given) : given;
  if (result.kind === 'timeline') {
    if (format === 'table') return yield timelineView(result, style, width);
    return yield* MACHINE[format]({ columns: ['date', 'signatories', 'counted'], rows: result.series });
  }
  if (result.kind === 'explain') {
    if (format === 'table') return yield explainView(result.explanation, style, width);
    if (format === 'json') return yield `${JSON.stringify(result.explanation, null, 2)}\n`;
    if (format === 'ndjson') return yield `${JSON.stringify(result.explanation)}\n`;
    return yield* MACHINE[format]({ columns: ['n', 'code', 'name', 'action', 'date', 'decisive'], rows: result.explanation.counted });
  }
  if (result.kind === 'status') {
    const object = result.whatIf ? { ...result.status, hypotheses: result.whatIf.hypotheses, explanation: result.whatIf.explanation } : result.status;
    if (format === 'table') return yield statusView(result, style, width);
    if (format === 'json') return yield `${JSON.stringify(object, null, 2)}\n`;
    if (format === 'ndjson') return yield `${JSON.stringify(object)}\n`;
    return yield* MACHINE[format](statusAsList(result.status));
  }
  if (result.kind === 'stream') {
    if (format === 'table') return yield* table({ kind: 'list', columns: result.columns, rows: [...result.rows] }, style, view);
    return yield* MACHINE[format](result);
  }
  if (format === 'table') return yield* result.kind === 'history' ? historyView(result, style, view) : table(result, style, view);
  yield* MACHINE[format](listOf(result));
}

/** A list as a table holds it: streamed rows are read to the end, and only the ones it shows are kept. */
function held(result: ListResult): HeldList {
  if (Array.isArray(result.rows)) return result as HeldList;
  const limit = result.tableLimit ?? Number.POSITIVE_INFINITY;
  const rows: Row[] = [];
  let omitted = 0;
  for (const row of result.rows) {
    if (rows.length < limit) rows.push(row);
    else omitted += 1;
  }
  return { ...result, rows, omitted };
}

function shownToPeople(given: Exclude<Result, { kind: 'text' }>): Exclude<Result, { kind: 'text' }> {
  const result = given.kind === 'list' ? held(given) : given;
  if (result.kind === 'list' && result.tableLimit !== undefined && result.rows.length > result.tableLimit) {
    // The rows past the limit are counted, never shown (an import lists up to 10,000 of each change): only
    // the shown ones need their escapes.
    const shown = visibleDeep({ ...result, rows: result.rows.slice(0, result.tableLimit) });
    return { ...shown, rows: [...shown.rows, ...result.rows.slice(result.tableLimit)] };
  }
  if (result.kind !== 'stream') return visibleDeep(result);
  return { ...result, rows: (function* () { for (const row of result.rows) yield visibleDeep(row); })() };
}
