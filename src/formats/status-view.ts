// `treaty status` for people: one screen, in words, with a bar toward the threshold.
import { formatLong } from '../domain/dates.js';
import { ordinal } from '../domain/explain.js';
import { describeDelay } from '../domain/delay.js';
import { reportWords } from '../domain/reports.js';
import type { Style } from '../ui/style.js';
import { wrapText } from '../ui/wrap.js';
import type { StatusResult } from './result.js';
import { beyondCounts, conditionLine, showsConditions, wrapWords } from './condition-view.js';

const BAR_WIDTH = 30;

export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = Math.min(width, Math.round((Math.min(done, total) / total) * width));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function statusView(result: StatusResult, style: Style, width?: number): string {
  const { status: s, treaty } = result;
  const lines: [string, string][] = [];
  const percent = Math.floor((Math.min(s.counted, s.threshold) / s.threshold) * 100);
  const excluded = treaty.rule.excluded_kinds.length > 0 && s.consents > s.counted ? ` (${s.consents - s.counted} not counted: ${treaty.rule.excluded_kinds.join(', ')})` : '';
  // A report never changes a figure: it is said beside it, with how strong its source is.
  const reported = (claim: string) => {
    const r = s.reported.find((x) => x.claim === claim);
    return r ? style.dim(`  (reported: ${reportWords(r)}; not in the depositary's data)`) : '';
  };
  lines.push(['Signatories', `${s.signatories}${reported('signatories')}`]);
  lines.push(['Instruments', `${s.consents} deposited${excluded}${reported('parties')}`]);
  lines.push(['Counted', `${s.counted} of ${s.threshold}  ${style.cyan(progressBar(s.counted, s.threshold))} ${percent}%`]);
  lines.push(['Still needed', s.remaining === 0 ? 'none: the threshold is met' : String(s.remaining)]);
  if (s.pipeline > 0) lines.push(['In the pipeline', `${s.pipeline} signator${s.pipeline === 1 ? 'y has' : 'ies have'} taken a domestic step (approval, law or announcement) without depositing`]);
  // A condition's line (a list's missing names) is wrapped at words on a terminal, so no line is wider.
  const conditionRows = s.conditions.flatMap((c) => wrapWords(conditionLine(c), width === undefined ? undefined : width - 20).map((text) => (c.met ? text : style.yellow(text))));
  if (showsConditions(s.conditions)) conditionRows.forEach((text, i) => lines.push([i === 0 ? 'Conditions' : '', text]));
  if (beyondCounts(s.conditions) && s.remaining > 0 && s.conditions.some((c) => c.kind === 'share' && !c.met)) {
    lines[lines.findIndex(([k]) => k === 'Still needed')]![1] = `at least ${s.remaining}: ${s.conditions.filter((c) => !c.met).map((c) => c.label).join(', ')} still short`;
  }
  if (s.threshold_reached_on) lines.push(['Threshold met', formatLong(s.threshold_reached_on)]);

  const eif = s.entry_into_force;
  const nth = ordinal(s.threshold);
  if (eif.state === 'pending') {
    const after = beyondCounts(s.conditions) ? 'the day the last condition is met' : `the ${nth} counted instrument`;
    lines.push(['Entry into force', `${style.yellow('pending')}: ${describeDelay(treaty.rule.delay)} after ${after}`]);
  } else if (eif.state === 'scheduled') {
    lines.push(['Entry into force', `${style.green('scheduled')} for ${formatLong(eif.date!)}, in ${plural(eif.days_until!, 'day')}`]);
  } else {
    lines.push(['Entry into force', `${style.green('in force')} since ${formatLong(eif.date!)}`]);
  }

  if (s.projection) {
    const p = s.projection;
    lines.push([
      'Projection',
      `threshold met about ${formatLong(p.threshold_reached_on.median)} (80%: ${p.threshold_reached_on.low} to ${p.threshold_reached_on.high}), entry into force about ${formatLong(p.entry_into_force.median)}`,
    ]);
    lines.push(['', style.dim(`at the pace so far: ${p.based_on.counted} counted instruments in ${p.based_on.days} days to ${p.based_on.until} (${p.based_on.per_year} a year); not a forecast of politics`)]);
  } else if (s.projection_reason && s.entry_into_force.state === 'pending') {
    lines.push(['Projection', style.dim(`none: ${s.projection_reason.message}`)]);
  }

  const sig = s.signature;
  if (sig.open === null) {
    lines.push(['Signature', `opened on ${formatLong(sig.opens_on)}; the source does not say when it closes`]);
  } else if (sig.open) {
    const left = sig.days_left === null ? '' : sig.days_left === 0 ? ': today is the last day' : `, ${plural(sig.days_left, 'day')} left`;
    const until = sig.closes_on ? `open until ${formatLong(sig.closes_on)}${left}` : sig.closes === 'at_entry_into_force' ? 'open until the treaty enters into force' : 'open';
    lines.push(['Signature', until]);
  } else if (s.as_of < sig.opens_on) {
    lines.push(['Signature', `opens on ${formatLong(sig.opens_on)}`]);
  } else {
    const when = sig.closes === 'at_entry_into_force' ? `closed at entry into force (last day ${formatLong(sig.closes_on!)})` : `closed on ${formatLong(sig.closes_on!)}`;
    lines.push(['Signature', `${when}; States may now join by accession`]);
  }
  lines.push(['As of', s.as_of]);
  const data = `as of ${s.data_as_of}`;
  // Asked about a day the data already covers, its age says nothing: say that it covers the day.
  if (s.as_of < s.data_as_of) lines.push(['Data', `${data}, which covers ${s.as_of}`]);
  else if (!s.data_stale) lines.push(['Data', `${data}, ${plural(s.data_age_days, 'day')} old`]);
  else lines.push(['Data', `${data}, ${plural(s.data_age_days, 'day')} old: ${style.yellow('stale')}, later actions may be missing`]);

  const keyWidth = Math.max(...lines.map(([k]) => k.length)) + 2;
  // On a terminal each value wraps under itself; in a pipe (no width) each stays on its line.
  const fit = (text: string, first: string, indent: string) => (width === undefined ? [first + text] : wrapText(text, width, { first, indent })).join('\n');
  const body = lines.map(([k, v]) => fit(v, `  ${style.bold(k.padEnd(keyWidth))}`, ' '.repeat(keyWidth + 2))).join('\n');
  const head = fit(`${style.bold(s.short_title)} ${style.dim(`(${s.treaty})`)}`, '', '');
  if (!result.whatIf) return `${head}\n\n${body}\n`;
  const { hypotheses, anonymous, explanation } = result.whatIf;
  const named = hypotheses.filter((h) => !anonymous?.codes.includes(String(h.code)));
  const said = named.map((h) => fit(`${h.name} (${h.code}) deposits on ${h.date}: in force for it ${h.in_force_on ?? 'when the treaty is'}`, `  ${style.yellow('if')} `, '     '));
  if (anonymous && anonymous.codes.length > 0) {
    const n = anonymous.codes.length;
    const first = hypotheses.find((h) => h.code === anonymous.codes[0]);
    const inForce = first?.in_force_on ? `in force for ${n === 1 ? 'it' : 'them'} on ${first.in_force_on}` : `in force for ${n === 1 ? 'it' : 'them'} when the treaty is`;
    said.push(fit(`${n} more State${n === 1 ? '' : 's'} deposit${n === 1 ? 's' : ''} on ${anonymous.on}: ${inForce}`, `  ${style.yellow('if')} `, '     '));
  }
  return `${fit(`${style.bold(s.short_title)} ${style.dim(`(${s.treaty})`)} ${style.yellow('— what if, nothing stored')}`, '', '')}\n\n${said.join('\n')}\n\n${body}\n\n${fit(explanation, '  ', '  ')}\n`;
}
