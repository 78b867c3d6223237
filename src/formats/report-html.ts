// `treaty report` as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched
// (the Content-Security-Policy forbids it). Every figure taken from the status carries data-field (and
// data-value when the text is in words), so a test can read the page back and compare it with status --json.
import { formatLong } from '../domain/dates.js';
import { describeDelay } from '../domain/delay.js';
import { describeGroupCondition, describeRule, ordinal } from '../domain/explain.js';
import type { TreatyStatus } from '../domain/status.js';
import { isHttpUrl, sourceItems } from '../domain/source.js';
import { certaintyWords } from './certainty.js';
import { html, raw, type Html } from './html.js';
import { NARROW, progressChart, WIDE } from './report-chart.js';
import { conditionBars } from './report-conditions.js';
import { beyondCounts } from './condition-view.js';
import { REPORT_CSS } from './report-css.js';
import { regionsFigure, shortGroupLabel } from './report-regions.js';
import type { ReportParticipant, ReportResult, ReportSection } from './result.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const noun = (n: number | null, one: string, many = `${one}s`) => (n === 1 ? one : many);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${noun(n, one, many)}`;

/** A figure from the status, marked for reading back. */
function field(name: string, value: string | number | null, text: string | number = value ?? ''): Html {
  return String(text) === String(value ?? '')
    ? html`<span class="num" data-field="${name}">${text}</span>`
    : html`<span data-field="${name}" data-value="${value ?? ''}">${text}</span>`;
}

function dateField(name: string, date: string | null): Html {
  return date ? html`<time datetime="${date}" data-field="${name}" data-value="${date}">${formatLong(date)}</time>` : html``;
}

function firstUrl(source: string): string {
  return sourceItems(source)?.find((i) => i.kind === 'url')?.text ?? '';
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function countdown(section: ReportSection): Html {
  const { status: s, treaty } = section;
  const eif = s.entry_into_force;
  if (eif.state === 'in_force') return html`<p class="countdown">In force since ${dateField('entry_into_force.date', eif.date)}</p>`;
  if (eif.state === 'scheduled') {
    return html`<p class="countdown">Enters into force on ${dateField('entry_into_force.date', eif.date)}: in ${field('entry_into_force.days_until', eif.days_until)} ${noun(eif.days_until, 'day')}</p>`;
  }
  if (beyondCounts(s.conditions)) return html`<p class="countdown">Still short: ${s.conditions.filter((c) => !c.met).map((c) => c.label).join(', ')}</p>`;
  const group = describeGroupCondition(treaty.rule);
  return html`<p class="countdown">${field('remaining', s.remaining)} more counted ${noun(s.remaining, 'instrument')} needed${group ? html`<small class="note"> (${group})</small>` : ''}</p>`;
}

function entryIntoForceText(section: ReportSection): Html {
  const { status: s, treaty } = section;
  const eif = s.entry_into_force;
  const state = field('entry_into_force.state', eif.state, eif.state === 'in_force' ? 'in force' : eif.state);
  const group = describeGroupCondition(treaty.rule);
  if (eif.state === 'pending') return html`${state}: ${describeDelay(treaty.rule.delay)} after the ${ordinal(s.threshold)} counted instrument${group ? `, ${group}` : ''}`;
  return html`${state}, ${eif.state === 'in_force' ? 'since' : 'on'} ${dateField('entry_into_force.date', eif.date)}`;
}

function projectionText(s: TreatyStatus): Html | null {
  const p = s.projection;
  if (p) {
    return html`threshold met about ${dateField('projection.threshold_reached_on.median', p.threshold_reached_on.median)} (80% interval: ${field('projection.threshold_reached_on.low', p.threshold_reached_on.low)} to ${field('projection.threshold_reached_on.high', p.threshold_reached_on.high)}); entry into force about ${dateField('projection.entry_into_force.median', p.entry_into_force.median)}.
<span class="note">At the pace so far (${plural(p.based_on.counted, 'counted instrument')} in ${plural(p.based_on.days, 'day')}, ${p.based_on.per_year} a year); not a forecast of politics.</span>`;
  }
  if (s.projection_reason && s.entry_into_force.state === 'pending') return html`<span class="note" data-code="${s.projection_reason.code}">none: ${s.projection_reason.message}</span>`;
  return null;
}

function signatureText(s: TreatyStatus): Html {
  const sig = s.signature;
  if (sig.open && sig.closes_on) {
    const left = sig.days_left === 0 ? html`today is the last day` : html`${field('signature.days_left', sig.days_left)} ${noun(sig.days_left, 'day')} left`;
    return html`open until ${dateField('signature.closes_on', sig.closes_on)}; ${left}`;
  }
  if (sig.open === null) return html`opened on ${dateField('signature.opens_on', sig.opens_on)}; the source does not say when it closes`;
  if (sig.open) return html`open`;
  if (s.as_of < sig.opens_on) return html`opens on ${dateField('signature.opens_on', sig.opens_on)}`;
  return html`closed on ${dateField('signature.closes_on', sig.closes_on)}; States may now join by accession`;
}

function statusBox(section: ReportSection): Html {
  const { status: s, treaty } = section;
  // Progress is what is done of what the rule asks: with a group condition, instruments beyond the
  // threshold do not fill the bar while members of the group are still missing.
  const percent = Math.floor(((s.threshold - s.remaining) / s.threshold) * 100);
  const notCounted = s.consents - s.counted;
  const projection = projectionText(s);
  return html`<section class="box" aria-label="Status">
<div>
<div class="headline">${field('counted', s.counted)} <small>${
    s.remaining > 0 ? html`counted instruments; the rule needs ${field('threshold', s.threshold)}` : html`counted instruments; ${field('threshold', s.threshold)} were needed`
  }</small></div>
${beyondCounts(s.conditions) ? conditionBars(s.conditions) : html`<div class="bar" role="img" aria-label="${percent}% of the threshold"><span style="width:${percent}%"></span></div>`}
${countdown(section)}
</div>
<dl class="facts">
<dt>Signatories</dt><dd>${field('signatories', s.signatories)}</dd>
<dt>Instruments deposited</dt><dd>${field('consents', s.consents)}${notCounted > 0 ? ` (${notCounted} not counted: ${treaty.rule.excluded_kinds.join(', ')})` : ''}</dd>
<dt>Still needed</dt><dd>${field('remaining', s.remaining)}</dd>
${s.pipeline > 0 ? html`<dt>In the pipeline</dt><dd>${field('pipeline', s.pipeline)} ${noun(s.pipeline, 'signatory has', 'signatories have')} taken a domestic step (approval, law or announcement) without depositing</dd>` : ''}
${s.threshold_reached_on ? html`<dt>Threshold met</dt><dd>${dateField('threshold_reached_on', s.threshold_reached_on)}</dd>` : ''}
<dt>Entry into force</dt><dd>${entryIntoForceText(section)}</dd>
${projection ? html`<dt>Projection</dt><dd>${projection}</dd>` : ''}
<dt>Signature</dt><dd>${signatureText(s)}</dd>
</dl>
</section>`;
}

const STATUS_WORDS: Record<string, string> = { signed: 'signed', consented: 'consented', in_force: 'in force', denounced: 'denounced', none: 'no action' };

const words = (s: string | null) => (s ? s.replace(/_/g, ' ') : '');

interface Column {
  head: string;
  cls?: string;
  cell(p: ReportParticipant, sources: SourceList): Html | string;
}

/** Every address the participants' facts come from, once each, numbered in order of first use. */
class SourceList {
  readonly urls: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(
    readonly id: string,
    participants: readonly ReportParticipant[],
  ) {
    for (const p of participants) for (const url of p.sources) if (!this.index.has(url)) this.index.set(url, this.urls.push(url));
  }
  numberOf(url: string): number {
    return this.index.get(url)!;
  }
}

const PARTICIPANT_COLUMNS: readonly Column[] = [
  { head: 'Status', cell: (p) => html`<span class="status-${p.status}">${STATUS_WORDS[p.status] ?? p.status}${p.denounced_on ? ` (${p.denounced_on})` : ''}</span>` },
  { head: 'Group', cell: (p) => shortGroupLabel(p.un_group) },
  { head: 'Signed', cls: 'date', cell: (p) => p.signed_on ?? '' },
  { head: 'Consent', cls: 'date', cell: (p) => (p.consent_on ? `${words(p.consent_type)} ${p.consent_on}` : p.date_unknown ? `${words(p.consent_type)}: ${certaintyWords(p)}` : p.status === 'signed' ? '' : words(p.consent_type)) },
  { head: 'In force for it', cls: 'date', cell: (p) => p.in_force_on ?? '' },
  { head: 'Domestic step', cls: 'date', cell: (p) => (p.latest_step ? `${words(p.latest_step)} ${p.latest_step_on}` : '') },
  {
    head: 'Sources',
    cls: 'sources',
    // A citation ("[Uradni list RS 62/2004]") is text; only an address is a link.
    cell: (p, list) => html`${p.sources.map((src) => html`${isHttpUrl(src) ? html`<a href="${src}" title="${src}" rel="noreferrer">${hostOf(src)}</a>` : html`<span class="citation">${src.slice(1, -1)}</span>`}<a class="ref" href="#source-${list.id}-${list.numberOf(src)}">[${list.numberOf(src)}]</a>`)}`,
  },
];

/**
 * The participants who have acted, with only the columns that say something for this treaty, then the
 * sources they cite, each address once and numbered: a printed page can be followed up from it.
 */
function participantsTable(id: string, participants: readonly ReportParticipant[]): Html {
  if (participants.length === 0) return html`<p class="note">None yet.</p>`;
  const sources = new SourceList(id, participants);
  const columns = PARTICIPANT_COLUMNS.filter((c) => c.head === 'Status' || participants.some((p) => String(c.cell(p, sources)) !== ''));
  const rows = participants.map(
    (p) => html`<tr data-code="${p.code}"><th scope="row">${p.name} <span class="code">${p.code}</span></th>${columns.map((c) => html`<td${c.cls ? html` class="${c.cls}"` : ''}>${c.cell(p, sources)}</td>`)}</tr>`,
  );
  return html`<div class="scroll"><table class="participants">
<thead><tr><th scope="col">Participant</th>${columns.map((c) => html`<th scope="col">${c.head}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table></div>
<ol class="source-list" aria-label="Sources">${sources.urls.map((url, i) => html`<li id="source-${id}-${i + 1}">${isHttpUrl(url) ? html`<a href="${url}" rel="noreferrer">${url}</a>` : url.slice(1, -1)}</li>`)}</ol>`;
}

/** The chart twice (wide for screens and paper, narrow for phones; CSS shows one) and its key. */
function progressFigure(section: ReportSection): Html {
  const { status: s, treaty } = section;
  return html`<figure>
${progressChart(treaty.id, s, section.series, WIDE, section.data_end)}${progressChart(treaty.id, s, section.series, NARROW, section.data_end)}
<figcaption class="key"><span class="k-signed">signatories</span><span class="k-counted">counted instruments</span><span class="k-threshold">threshold (${s.threshold})</span>${s.entry_into_force.date ? html`<span class="k-eif">entry into force</span>` : ''}${s.projection ? html`<span class="k-counted">projection, shaded: 80% interval for the threshold</span>` : ''}${section.data_end !== undefined && section.data_end < s.as_of ? html`<span class="k-unknown">grey: no data after ${formatLong(section.data_end)}, counts unknown</span>` : ''}</figcaption>
</figure>`;
}

function sectionHtml(section: ReportSection, single: boolean): Html {
  const { status: s, treaty } = section;
  const id = treaty.id;
  const heading = single ? html`<h1>${s.short_title}</h1>` : html`<h2>${s.short_title}</h2>`;
  const sub = (text: string) => (single ? html`<h2>${text}</h2>` : html`<h3>${text}</h3>`);
  const snapshot = firstUrl(treaty.snapshot.source);
  const stale = s.data_stale
    ? html`<p class="warning">The data is ${field('data_age_days', s.data_age_days)} days old: signatures and instruments after ${dateField('data_as_of', s.data_as_of)} may be missing. <code>treaty sync</code> reads the depositary's page; <code>treaty db update</code> takes a newer release's data.</p>`
    : '';
  // Staleness has its own paragraph above, with what to do about it.
  const checks = s.checks.filter((c) => c.code !== 'data_stale').map((c) => html`<p class="warning" data-code="${c.code}">${c.message}</p>`);
  return html`<section class="treaty" id="treaty-${id}" data-treaty="${id}">
${heading}
<p class="full-title">${s.title} (${id})</p>
<p class="meta">Status as of ${dateField('as_of', s.as_of)}. Data: the depositary's <a href="${snapshot}" rel="noreferrer">status page</a> as of ${dateField('data_as_of', s.data_as_of)} (${field('data_age_days', s.data_age_days)} ${noun(s.data_age_days, 'day')} old), with the later actions recorded in this database.</p>
${stale}${checks}
${statusBox(section)}
<p class="rule">${describeRule(treaty)}</p>
${sub('Progress')}
${section.series.length ? progressFigure(section) : html`<p class="note">Nothing to draw yet: no signature or instrument as of ${formatLong(s.as_of)}.</p>`}
${sub('By UN regional group')}
<figure>
${regionsFigure(id, section.regions)}
</figure>
${sub(`Participants that have acted (${section.participants.length})`)}
${participantsTable(id, section.participants)}
${section.not_yet.length ? html`<p class="not-yet"><strong>No action yet (${section.not_yet.length}):</strong> ${section.not_yet.join(', ')}.</p>` : ''}
${section.reports?.length ? html`<div class="reports"><p><strong>Reported, not in the depositary's data (never counted):</strong></p><ul>${section.reports.map((r) => html`<li data-grade="${r.grade}">${r.words}: ${sourceLinks(r.source)}${r.note ? html` <span class="note">${r.note}</span>` : ''}</li>`)}</ul></div>` : ''}
</section>`;
}

function overview(result: ReportResult): Html {
  return html`<div class="scroll"><table class="overview">
<thead><tr><th scope="col">Treaty</th><th scope="col" class="n">Signatories</th><th scope="col" class="n">Counted</th><th scope="col" class="n">Threshold</th><th scope="col">Entry into force</th></tr></thead>
<tbody>${result.sections.map(({ status: s }) => {
    const eif = s.entry_into_force;
    const when = eif.state === 'pending' ? `pending, ${plural(s.remaining, 'instrument')} to go` : `${eif.state === 'in_force' ? 'in force since' : 'scheduled for'} ${eif.date}`;
    return html`<tr data-treaty="${s.treaty}"><th scope="row"><a href="#treaty-${s.treaty}">${s.short_title}</a></th><td class="n" data-col="signatories">${s.signatories}</td><td class="n" data-col="counted">${s.counted}</td><td class="n" data-col="threshold">${s.threshold}</td><td>${when}</td></tr>`;
  })}</tbody></table></div>`;
}

export function reportHtml(result: ReportResult): string {
  const single = result.sections.length === 1;
  const title = single ? `${result.sections[0]!.status.short_title}: status as of ${result.as_of}` : `Treaties: status as of ${result.as_of}`;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="treaty ${result.version}">
<title>${title}</title>
<style>${raw(REPORT_CSS)}</style>
</head>
<body>
<main>
${single ? '' : html`<h1>Treaties on their way to entry into force</h1><p class="meta">Status as of ${formatLong(result.as_of)}.</p>${overview(result)}`}
${result.sections.map((s) => sectionHtml(s, single))}
<footer>
<p>Made with treaty ${result.version} on ${result.made_on}. The figures are computed from the dated actions in the database by each treaty's rule; each participant's sources are linked in its row and listed, numbered, under the table. A projection extrapolates the pace so far and is not a forecast.</p>
</footer>
</main>
</body>
</html>
`;
  return page.text;
}

/** Addresses become links; an official-journal citation stays text. */
function sourceLinks(source: string): Html[] {
  return (sourceItems(source) ?? []).map((s, i) => (s.kind === 'url' ? html`${i ? ' ' : ''}<a href="${s.text}" rel="noreferrer">[${i + 1}]</a>` : html`${i ? ' ' : ''}${s.text}`));
}
