// `treaty explain` for people: the rule, the counted instruments in order, and the arithmetic.
import type { Explanation } from '../domain/explain.js';
import type { Style } from '../ui/style.js';

export function explainView(e: Explanation, style: Style): string {
  const lines = [`${style.bold(e.treaty)} as of ${e.as_of}`, '', `  ${e.rule}`, ''];
  if (e.counted.length === 0) lines.push('  No counted instrument yet.');
  for (const c of e.counted) {
    const mark = c.decisive ? style.green('  ← meets the threshold') : '';
    lines.push(`  ${String(c.n).padStart(3)}. ${c.date}  ${c.name} (${c.code}), ${c.action}${mark}`);
  }
  for (const n of e.not_counted) lines.push(style.dim(`       ${n.date}  ${n.name} (${n.code}), ${n.action}: ${n.why}`));
  for (const u of e.undated ?? []) lines.push(style.dim(`       ${u.name} (${u.code}): ${u.words}`));
  lines.push('', `  ${style.bold(e.arithmetic)}`);
  for (const c of e.checks ?? []) lines.push(`  ${style.yellow('warning')}: ${c.message}`);
  return `${lines.join('\n')}\n`;
}

