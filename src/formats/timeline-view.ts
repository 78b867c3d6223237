// `treaty timeline` for people: counted instruments as columns, signatories as dots, the threshold as
// a line, entry into force marked; fitted to the terminal's width (80 columns in a pipe).
import { daysBetween } from '../domain/dates.js';
import { cellWidth } from '../ui/cells.js';
import type { Style } from '../ui/style.js';
import { wrapText } from '../ui/wrap.js';
import type { TimelineResult } from './result.js';

const HEIGHT = 12;

export function timelineView(t: TimelineResult, style: Style, width = 80): string {
  const columns = Math.max(20, Math.min(width, 160) - 8);
  const span = Math.max(1, daysBetween(t.opens_on, t.as_of));
  const top = Math.max(t.threshold, ...t.series.map((p) => Math.max(p.signatories ?? 0, p.counted ?? 0)), 1);
  const known = t.series.filter((p) => p.counted !== null && p.signatories !== null) as { date: string; signatories: number; counted: number }[];
  const dataEnd = daysBetween(t.opens_on, t.data_as_of);
  // The last value known at the end of each column's stretch of days.
  const at = Array.from({ length: columns }, (_, i) => {
    const end = Math.round(((i + 1) / columns) * span);
    // Past the data's date the chart has a gap: nothing is known there.
    if (end > dataEnd) return null;
    let point = { signatories: 0, counted: 0 };
    for (const p of known) if (daysBetween(t.opens_on, p.date) <= end) point = p;
    return point;
  });
  const eifColumn = t.entry_into_force_on ? Math.min(columns - 1, Math.floor((daysBetween(t.opens_on, t.entry_into_force_on) / span) * columns)) : -1;
  const level = (n: number) => Math.round((n / top) * HEIGHT);
  const thresholdRow = level(t.threshold);
  const lines: string[] = [];
  for (let row = HEIGHT; row >= 1; row--) {
    let line = '';
    for (let i = 0; i < columns; i++) {
      const p = at[i];
      if (p === null || p === undefined) line += i === eifColumn && eifColumn >= 0 ? style.dim('│') : ' ';
      else if (level(p.counted) >= row) line += style.green('█');
      else if (level(p.signatories) === row) line += style.cyan('•');
      else if (row === thresholdRow) line += style.yellow('─');
      else if (i === eifColumn && eifColumn >= 0) line += style.dim('│');
      else line += ' ';
    }
    const label = row === HEIGHT ? String(top) : row === thresholdRow ? String(t.threshold) : '';
    lines.push(`${label.padStart(5)} ┤${line}`);
  }
  lines.push(`${'0'.padStart(5)} └${'─'.repeat(columns)}`);
  lines.push(`       ${t.opens_on}${' '.repeat(Math.max(1, columns - 20))}${t.as_of}`);
  const last = known.at(-1) ?? { signatories: 0, counted: 0 };
  const legend = [
    `${style.green('█')} counted instruments (${last.counted})`,
    `${style.cyan('•')} signatories (${last.signatories})`,
    `${style.yellow('─')} threshold (${t.threshold})`,
    t.entry_into_force_on ? `${style.dim('│')} entry into force ${t.entry_into_force_on}` : 'not yet in force',
    ...(t.data_as_of < t.as_of ? [`blank after ${t.data_as_of}: the data ends there`] : []),
  ];
  // The legend's items stay whole: as many on a line as the width takes.
  const rows: string[] = [];
  for (const item of legend) {
    const last = rows.length - 1;
    if (last >= 0 && cellWidth(`${rows[last]}   ${item}`) <= width) rows[last] += `   ${item}`;
    else rows.push(`  ${item}`);
  }
  const head = wrapText(`${style.bold(t.title)} ${style.dim(`(${t.treaty})`)}`, width).join('\n');
  return `${head}\n\n${lines.join('\n')}\n\n${rows.join('\n')}\n`;
}
