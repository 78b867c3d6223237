// The report's status box for a rule of several conditions: one bar per condition, each with the
// same words as the terminal's status ("55% of emissions: 47.76%, 7.24 points missing").
import type { ConditionStatus } from '../domain/conditions.js';
import { conditionLine } from './condition-view.js';
import { html, type Html } from './html.js';

/** How much of a condition is done, 0 to 100: a share against its threshold, a count against its number. */
export function conditionPercent(c: ConditionStatus): number {
  if (c.met) return 100;
  if (c.kind === 'share') return Math.floor((Math.min(c.percent!, c.percent_needed!) / c.percent_needed!) * 100);
  if (c.have !== null && c.need !== null) return Math.floor((Math.min(c.have, c.need) / c.need) * 100);
  return 0;
}

export function conditionBars(conditions: readonly ConditionStatus[]): Html {
  const bars = conditions.map((c, i) => {
    const percent = conditionPercent(c);
    return html`<div class="condition" data-field="conditions.${i}" data-value="${c.met ? 'met' : 'short'}"><div class="condition-label">${conditionLine(c)}</div>
<div class="bar" role="img" aria-label="${c.label}: ${percent}%"><span style="width:${percent}%"></span></div></div>`;
  });
  return html`${bars}`;
}
