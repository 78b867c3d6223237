// The one output layer: a result and a format in, text on the sink out.
import type { Format } from '../domain/vocabulary.js';
import type { Sink } from '../ui/sink.js';
import type { Style } from '../ui/style.js';
import { MACHINE } from './machine.js';
import { listOf, type Result } from './result.js';
import { statusAsList } from './status-row.js';
import { statusView } from './status-view.js';
import { explainView } from './explain-view.js';
import { historyView } from './history-view.js';
import { timelineView } from './timeline-view.js';
import { table } from './table.js';

export function render(result: Result, format: Format, out: Sink, style: Style, width?: number): void {
  for (const chunk of chunks(result, format, style, width)) {
    out.write(chunk);
    if (out.closed) return;
  }
}

function* chunks(result: Result, format: Format, style: Style, width: number | undefined): Iterable<string> {
  if (result.kind === 'text') return yield result.text;
  if (result.kind === 'timeline') {
    if (format === 'table') return yield timelineView(result, style, width);
    return yield* MACHINE[format]({ columns: ['date', 'signatories', 'counted'], rows: result.series });
  }
  if (result.kind === 'explain') {
    if (format === 'table') return yield explainView(result.explanation, style);
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
    if (format === 'table') return yield* table({ kind: 'list', columns: result.columns, rows: [...result.rows] }, style, width);
    return yield* MACHINE[format](result);
  }
  if (format === 'table') return yield* result.kind === 'history' ? historyView(result, style, width) : table(result, style, width);
  yield* MACHINE[format](listOf(result));
}
