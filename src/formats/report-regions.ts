// The report's regional picture: for each UN regional group a bar split into consented, signed only
// and not yet, with the numbers in a table beside it (the bar for the eye, the table for citing).
import type { RegionRow } from '../domain/regions.js';
import { html, type Html } from './html.js';

const GROUP_LABELS: Record<string, string> = {
  'African States': 'African States',
  'Asia-Pacific States': 'Asia-Pacific States',
  'Eastern European States': 'Eastern European States',
  'Latin American and Caribbean States': 'Latin America and Caribbean',
  'Western European and other States': 'Western Europe and others',
  none: 'Outside the groups',
  total: 'All participants',
};

export const groupLabel = (group: string) => GROUP_LABELS[group] ?? group;

const SHORT_LABELS: Record<string, string> = {
  'African States': 'African',
  'Asia-Pacific States': 'Asia-Pacific',
  'Eastern European States': 'Eastern European',
  'Latin American and Caribbean States': 'GRULAC',
  'Western European and other States': 'WEOG',
  none: '',
};

/** For a table column: the names people use for the groups in short. */
export const shortGroupLabel = (group: string) => SHORT_LABELS[group] ?? group;

/** Wide: the group's name left of its bar. Narrow (phones): the name above it. */
interface BarsLayout {
  name: 'wide' | 'narrow';
  width: number;
  row: number;
  label: number;
}

const WIDE: BarsLayout = { name: 'wide', width: 760, row: 30, label: 210 };
const NARROW: BarsLayout = { name: 'narrow', width: 400, row: 42, label: 0 };

function bars(id: string, groups: readonly RegionRow[], layout: BarsLayout): Html {
  const { row: ROW, label: LABEL } = layout;
  const BAR = layout.width - LABEL - 10;
  const barTop = LABEL > 0 ? 4 : 16;
  const barHeight = LABEL > 0 ? ROW - 10 : ROW - 20;
  const height = groups.length * ROW + 28;
  const rows = groups.map((r, i) => {
    const y = i * ROW;
    let x = LABEL;
    const part = (n: number, cls: string, what: string) => {
      const w = Math.round((n / r.participants) * BAR * 10) / 10;
      const seg = n > 0 ? html`<rect class="${cls}" x="${x}" y="${y + barTop}" width="${w}" height="${barHeight}"><title>${groupLabel(r.group)}: ${n} ${what}</title></rect>` : '';
      const label = w >= 26 ? html`<text class="in-bar ${cls}" x="${Math.round((x + w / 2) * 10) / 10}" y="${y + barTop + barHeight / 2 + 4}" text-anchor="middle">${n}</text>` : '';
      x += w;
      return html`${seg}${label}`;
    };
    const name = LABEL > 0 ? html`<text x="${LABEL - 8}" y="${y + ROW / 2 + 4}" text-anchor="end">${groupLabel(r.group)}</text>` : html`<text x="0" y="${y + 12}">${groupLabel(r.group)}</text>`;
    return html`<g>${name}${part(r.consented, 'consented', 'consented')}${part(r.signed_only, 'signed', 'signed, not yet consented')}${part(r.not_yet, 'none', 'no action yet')}</g>`;
  });
  const legendY = groups.length * ROW + 18;
  const legend = html`<g class="legend"><rect class="consented" x="${LABEL}" y="${legendY - 10}" width="12" height="12"/><text x="${LABEL + 18}" y="${legendY}">consented</text><rect class="signed" x="${LABEL + 110}" y="${legendY - 10}" width="12" height="12"/><text x="${LABEL + 128}" y="${legendY}">signed only</text><rect class="none" x="${LABEL + 230}" y="${legendY - 10}" width="12" height="12"/><text x="${LABEL + 248}" y="${legendY}">no action yet</text></g>`;
  const uid = `${layout.name}-${id}`;
  return html`<svg class="regions ${layout.name}" viewBox="0 0 ${layout.width} ${height}" role="img" aria-labelledby="regions-title-${uid}" xmlns="http://www.w3.org/2000/svg"><title id="regions-title-${uid}">Participants by UN regional group: consented, signed only, no action yet</title>${rows}${legend}</svg>`;
}

export function regionsFigure(id: string, rows: readonly RegionRow[]): Html {
  const groups = rows.filter((r) => r.group !== 'total');
  const svg = html`${bars(id, groups, WIDE)}${bars(id, groups, NARROW)}`;
  const table = html`<div class="scroll"><table class="regions-table">
<thead><tr><th scope="col">Group</th><th scope="col" class="n">Participants</th><th scope="col" class="n">Signed</th><th scope="col" class="n">Consented</th><th scope="col" class="n">Signed only</th><th scope="col" class="n">No action yet</th></tr></thead>
<tbody>${rows.map(
    (r) =>
      html`<tr data-group="${r.group}"${r.group === 'total' ? html` class="total"` : ''}><th scope="row">${groupLabel(r.group)}</th><td class="n" data-col="participants">${r.participants}</td><td class="n" data-col="signed">${r.signed}</td><td class="n" data-col="consented">${r.consented}</td><td class="n" data-col="signed_only">${r.signed_only}</td><td class="n" data-col="not_yet">${r.not_yet}</td></tr>`,
  )}</tbody></table></div>`;
  return html`${svg}${table}`;
}
