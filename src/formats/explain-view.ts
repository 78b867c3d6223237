// `treaty explain` for people: the rule, the counted instruments in order, and the arithmetic;
// on a terminal every paragraph wraps to its width, under its own indent.
import type { Explanation } from '../domain/explain.js';
import { reportWords } from '../domain/reports.js';
import type { Style } from '../ui/style.js';
import { wrapText } from '../ui/wrap.js';

export function explainView(e: Explanation, style: Style, width?: number): string {
  const fit = (text: string, first: string, indent: string) => (width === undefined ? first + text : wrapText(text, width, { first, indent }).join('\n'));
  const lines = [fit(`${style.bold(e.treaty)} as of ${e.as_of}`, '', ''), '', fit(e.rule, '  ', '  '), ''];
  if (e.counted.length === 0) lines.push('  No counted instrument yet.');
  for (const c of e.counted) {
    const mark = c.decisive ? ` ${style.green('← meets the threshold')}` : '';
    lines.push(fit(`${c.date}  ${c.name} (${c.code}), ${c.action}${mark}`, `  ${String(c.n).padStart(3)}. `, ' '.repeat(19)));
  }
  for (const n of e.not_counted) lines.push(fit(style.dim(`${n.date}  ${n.name} (${n.code}), ${n.action}: ${n.why}`), '       ', ' '.repeat(19)));
  for (const u of e.undated ?? []) lines.push(fit(style.dim(`${u.name} (${u.code}): ${u.words}`), '       ', ' '.repeat(9)));
  // Claims beside the facts: what other sources say, with their grade, never numbered among the counted.
  if (e.reported?.length) {
    lines.push('', "  Reported, not in the depositary's data (never counted):");
    for (const r of e.reported) lines.push(fit(`reported: ${reportWords(r, r.name ?? undefined)} (source: ${r.source})`, '    ', '      '));
  }
  if (e.conditions.length > 1) {
    lines.push('', '  Conditions:');
    for (const c of e.conditions) lines.push(fit(`${c.met_on && c.met_on <= e.as_of ? style.green('✓') : style.yellow('·')} ${c.label}: ${c.arithmetic}`, '    ', '      '));
  }
  lines.push('', fit(style.bold(e.arithmetic), '  ', '  '));
  for (const c of e.checks ?? []) lines.push(fit(`${style.yellow('warning')}: ${c.message}`, '  ', '    '));
  return `${lines.join('\n')}\n`;
}
