// The report's chart, as SVG made here: cumulative signatories and counted instruments as steps, the
// threshold as a line, entry into force marked, and the projection with its 80% interval when there is
// one. d3-scale gives the axes and their ticks, d3-shape the step paths; nothing runs in the browser.
import { scaleLinear, scaleUtc } from 'd3-scale';
import { area, curveStepAfter, line } from 'd3-shape';
import { addDays, daysBetween, formatLong, type IsoDate } from '../domain/dates.js';
import type { SeriesPoint } from '../domain/series.js';
import type { TreatyStatus } from '../domain/status.js';
import { html, type Html } from './html.js';

/** The chart is drawn twice, for wide screens and paper and for phones; CSS shows one. */
export interface ChartLayout {
  name: 'wide' | 'narrow';
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xTicks: number;
}

export const WIDE: ChartLayout = { name: 'wide', width: 760, height: 346, margin: { top: 28, right: 132, bottom: 40, left: 44 }, xTicks: 6 };
export const NARROW: ChartLayout = { name: 'narrow', width: 400, height: 300, margin: { top: 28, right: 96, bottom: 40, left: 34 }, xTicks: 3 };

const toDate = (d: IsoDate) => new Date(`${d}T00:00:00Z`);
/** Vertical room a 12-pixel label needs. */
const LABEL_GAP = 15;

/**
 * Moves labels apart so that each is at least `gap` below the one above it, keeping their order and
 * none lower than `bottom`: positions in, positions out, in the same order.
 */
export function spread(ys: readonly number[], gap: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  for (let k = 1; k < order.length; k++) order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + gap);
  const over = (order.at(-1)?.y ?? 0) - bottom;
  if (over > 0) for (const o of order) o.y -= over;
  const out: number[] = [];
  for (const o of order) out[o.i] = o.y;
  return out;
}
const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const r1 = (n: number) => Math.round(n * 10) / 10;

/** The last day the chart shows: the as-of date, or the scheduled date, or far enough for the projection. */
export function chartEnd(status: TreatyStatus, start: IsoDate): IsoDate {
  let end = later(status.as_of, addDays(start, 30));
  if (status.entry_into_force.date) end = later(end, status.entry_into_force.date);
  const p = status.projection;
  if (p) {
    // The interval's far end can be decades away; the chart stops at twice the time elapsed so far.
    const limit = addDays(status.as_of, Math.max(365, daysBetween(start, status.as_of)));
    end = later(end, p.entry_into_force.high < limit ? p.entry_into_force.high : limit);
  }
  return end;
}

/**
 * `dataEnd` is the last day the data covers (the snapshot, or a later recorded signature or counted
 * instrument): the lines stop there, and the days from it to the as-of date are drawn as unknown,
 * never as a flat line that would claim nothing happened.
 */
export function progressChart(id: string, status: TreatyStatus, series: readonly SeriesPoint[], layout: ChartLayout = WIDE, dataEnd: IsoDate = status.as_of): Html {
  const { width: WIDTH, height: HEIGHT, margin: M } = layout;
  const uid = `${layout.name}-${id}`;
  // Usually the opening day; earlier when an action or the as-of date comes before it.
  const start = [status.signature.opens_on, status.as_of, ...(series.length ? [series[0]!.date] : [])].sort()[0]!;
  const end = chartEnd(status, start);
  const x = scaleUtc().domain([toDate(start), toDate(end)]).range([M.left, WIDTH - M.right]);
  const top = Math.max(status.threshold, ...series.map((p) => Math.max(p.signatories, p.counted)), 1);
  const y = scaleLinear().domain([0, top * 1.08]).nice().range([HEIGHT - M.bottom, M.top]);
  const last = series.at(-1) ?? { date: start, signatories: 0, counted: 0 };
  const known = dataEnd < status.as_of ? dataEnd : status.as_of;
  const points: SeriesPoint[] = [{ date: start, signatories: 0, counted: 0 }, ...series, { ...last, date: later(last.date, known) }];
  const px = (p: SeriesPoint) => r1(x(toDate(p.date)));
  const steps = (value: (p: SeriesPoint) => number) =>
    line<SeriesPoint>()
      .x(px)
      .y((p) => r1(y(value(p))))
      .curve(curveStepAfter)(points) ?? '';
  const countedArea =
    area<SeriesPoint>()
      .x(px)
      .y0(y(0))
      .y1((p) => r1(y(p.counted)))
      .curve(curveStepAfter)(points) ?? '';
  const xAt = (d: IsoDate) => r1(x(toDate(d)));
  const yThreshold = r1(y(status.threshold));
  const xAsOf = xAt(status.as_of);
  const xKnown = xAt(later(last.date, known));
  const format = x.tickFormat();
  // Past the data's last day the counts are unknown: a shaded gap, not a line (the key says so in words).
  const unknownSpan =
    xKnown < xAsOf
      ? html`<g class="unknown"><rect x="${xKnown}" y="${M.top}" width="${r1(xAsOf - xKnown)}" height="${HEIGHT - M.bottom - M.top}"><title>unknown after ${known}: the data ends there</title></rect></g>`
      : '';

  const eif = status.entry_into_force;
  let eifMark: Html | string = '';
  if (eif.date && eif.date <= end) {
    const at = xAt(eif.date);
    // A mark in the right half is labelled to its left, so the label stays inside the chart.
    const right = at > (M.left + WIDTH - M.right) / 2;
    eifMark = html`<g class="eif"><line x1="${at}" x2="${at}" y1="${M.top - 6}" y2="${HEIGHT - M.bottom}"/><text x="${right ? at - 4 : at + 4}" y="${M.top - 10}" text-anchor="${right ? 'end' : 'start'}">${eif.state === 'in_force' ? 'in force' : 'enters into force'} ${formatLong(eif.date)}</text></g>`;
  }
  // Centred under its line, unless that would run past either end of the chart.
  const asOfAnchor = xAsOf < M.left + 60 ? 'start' : xAsOf > WIDTH - M.right - 60 ? 'end' : 'middle';
  const asOfMark =
    status.as_of < end ? html`<g class="as-of"><line x1="${xAsOf}" x2="${xAsOf}" y1="${M.top}" y2="${HEIGHT - M.bottom + 4}"/><text x="${xAsOf}" y="${HEIGHT - 3}" text-anchor="${asOfAnchor}">as of ${status.as_of}</text></g>` : '';

  let projection: Html | string = '';
  const p = status.projection;
  if (p) {
    // Drawn where the dates fall and clipped to the plot, so a date past the chart's end is not
    // pulled onto its edge: the line leaves the chart towards it, and the label says when.
    const t = p.threshold_reached_on;
    const low = xAt(t.low);
    const median = xAt(t.median);
    const inside = t.median <= end;
    // A phone's chart has no room for the sentence; the status box above it says the same in words.
    let label: Html | string = '';
    if (layout.name === 'wide') {
      label = inside
        ? html`<text x="${median}" y="${yThreshold + 22}" text-anchor="middle">threshold about ${t.median}</text>`
        : html`<text x="${WIDTH - M.right}" y="${yThreshold + 22}" text-anchor="end">threshold about ${t.median}, past the chart →</text>`;
    }
    projection = html`<clipPath id="plot-${uid}"><rect x="${M.left}" y="0" width="${WIDTH - M.left - M.right}" height="${HEIGHT}"/></clipPath>
<g class="projection"><g clip-path="url(#plot-${uid})">
<rect x="${low}" y="${yThreshold - 6}" width="${r1(Math.max(1, xAt(t.high) - low))}" height="12"><title>80% interval: ${t.low} to ${t.high}</title></rect>
<line x1="${xKnown}" y1="${r1(y(last.counted))}" x2="${median}" y2="${yThreshold}"/>
${inside ? html`<circle cx="${median}" cy="${yThreshold}" r="4"/>` : ''}
</g>${label}</g>`;
  }

  // Labels at the right end of the lines and the threshold's at the chart's edge, spread apart
  // vertically so that none covers another (when the lines end short of the edge, a label there can
  // still reach the threshold's).
  const xLabel = r1(Math.min(xKnown, WIDTH - M.right) + 6);
  const narrow = layout.name === 'narrow';
  const labels = [
    { cls: 'label signatories', x: xLabel, text: `${last.signatories} ${narrow ? 'signed' : 'signatories'}`, y: y(last.signatories) },
    { cls: 'label counted', x: xLabel, text: `${last.counted} counted`, y: y(last.counted) },
    { cls: 'label threshold', x: r1(WIDTH - M.right + 6), text: `threshold ${status.threshold}`, y: yThreshold },
  ];
  const ys = spread(labels.map((l) => l.y), LABEL_GAP, HEIGHT - M.bottom);
  const endLabels = labels.map((l, i) => html`<text class="${l.cls}" x="${l.x}" y="${r1(ys[i]!) + 4}">${l.text}</text>`);
  const title = `Cumulative signatories and counted instruments of the ${status.short_title}`;
  const desc = `${last.signatories} signatories and ${last.counted} counted instruments as of ${later(last.date, known)}${known < status.as_of ? `, the data's last day; unknown after it` : ''}; ${status.threshold} are needed.`;

  return html`<svg class="chart ${layout.name}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title-${uid} chart-desc-${uid}" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title-${uid}">${title}</title><desc id="chart-desc-${uid}">${desc}</desc>
<g class="grid">${y.ticks(5).map((t) => html`<line x1="${M.left}" x2="${WIDTH - M.right}" y1="${r1(y(t))}" y2="${r1(y(t))}"/>`)}</g>
<g class="axis y">${y.ticks(5).map((t) => html`<text x="${M.left - 6}" y="${r1(y(t)) + 4}" text-anchor="end">${t}</text>`)}</g>
<g class="axis x"><line x1="${M.left}" x2="${WIDTH - M.right}" y1="${HEIGHT - M.bottom}" y2="${HEIGHT - M.bottom}"/>${x.ticks(layout.xTicks).map((t) => html`<text x="${r1(x(t))}" y="${HEIGHT - M.bottom + 18}" text-anchor="middle">${format(t)}</text>`)}</g>
${unknownSpan}<path class="counted-area" d="${countedArea}"/>
<path class="signatories" d="${steps((q) => q.signatories)}"/>
<path class="counted" d="${steps((q) => q.counted)}"/>
<g class="threshold"><line x1="${M.left}" x2="${WIDTH - M.right}" y1="${yThreshold}" y2="${yThreshold}"/></g>
${eifMark}${asOfMark}${projection}
${endLabels}
</svg>`;
}
