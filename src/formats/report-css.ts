// The report's stylesheet, inlined in the page: readable on a phone, printable on A4 or Letter.
export const REPORT_CSS = `
:root { --ink: #1a202c; --muted: #5a6473; --line: #d5dae1; --signed: #2b6cb0; --counted: #2f855a; --threshold: #c05621; --eif: #6b46c1; --none: #e2e6eb; --warn-bg: #fff7e6; --warn: #8a5300; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 58rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
p { margin: .4rem 0; }
a { color: var(--signed); }
.full-title, .meta, .note, figcaption, .rule { color: var(--muted); font-size: .9rem; }
.overview { margin: 1rem 0 2rem; }
.treaty + .treaty { border-top: 2px solid var(--line); margin-top: 2.5rem; padding-top: 1.5rem; }
.box { border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem; margin: 1rem 0; display: grid; grid-template-columns: minmax(12rem, 1fr) 2fr; gap: 1rem 1.5rem; align-items: start; }
.headline { font-size: 2.6rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.headline small { font-size: 1rem; font-weight: 400; color: var(--muted); display: block; }
.bar { height: 12px; border-radius: 6px; background: var(--none); overflow: hidden; margin: .6rem 0 .3rem; }
.bar span { display: block; height: 100%; background: var(--counted); }
.condition { margin: .5rem 0; }
.condition-label { font-size: .9rem; }
.countdown { font-size: 1.15rem; font-weight: 600; margin: .2rem 0 0; }
dl.facts { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.num { font-variant-numeric: tabular-nums; }
.warning { background: var(--warn-bg); color: var(--warn); border-left: 4px solid #dd8a00; padding: .5rem .75rem; margin: .75rem 0; border-radius: 4px; }
figure { margin: 1rem 0; }
svg { display: block; width: 100%; height: auto; font-family: inherit; }
svg.narrow { display: none; }
svg text { font-size: 12px; fill: var(--ink); }
.chart .grid line { stroke: var(--line); stroke-width: 1; }
.chart .axis line { stroke: var(--muted); }
.chart .axis text { fill: var(--muted); }
.chart path.signatories { fill: none; stroke: var(--signed); stroke-width: 2.5; }
.chart path.counted { fill: none; stroke: var(--counted); stroke-width: 2.5; }
.chart path.counted-area { fill: var(--counted); fill-opacity: .12; stroke: none; }
.chart .threshold line { stroke: var(--threshold); stroke-width: 1.5; stroke-dasharray: 6 4; }
.chart text.label.threshold { fill: var(--threshold); }
.chart .eif line { stroke: var(--eif); stroke-width: 1.5; stroke-dasharray: 3 3; }
.chart .eif text { fill: var(--eif); font-weight: 600; }
.chart .unknown rect { fill: var(--muted); fill-opacity: .1; }
.chart .as-of line { stroke: var(--muted); stroke-dasharray: 1 3; }
.chart .as-of text { fill: var(--muted); }
.chart .projection rect { fill: var(--counted); fill-opacity: .25; }
.chart .projection line { stroke: var(--counted); stroke-width: 1.5; stroke-dasharray: 5 4; }
.chart .projection circle { fill: var(--counted); }
.chart .projection text { fill: var(--counted); }
.chart text.label { font-weight: 600; }
.chart text.label.signatories { fill: var(--signed); }
.chart text.label.counted { fill: var(--counted); }
.regions rect.consented { fill: var(--counted); }
.regions rect.signed { fill: var(--signed); }
.regions rect.none { fill: var(--none); }
.regions text.in-bar { fill: #fff; font-weight: 600; }
.regions text.in-bar.none { fill: var(--ink); font-weight: 400; }
.key { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; font-size: .9rem; color: var(--muted); }
.key span::before { content: ""; display: inline-block; width: .9rem; height: .25rem; margin-right: .35rem; vertical-align: middle; background: currentColor; }
.key .k-signed { color: var(--signed); } .key .k-counted { color: var(--counted); } .key .k-threshold { color: var(--threshold); } .key .k-eif { color: var(--eif); } .key .k-unknown { color: var(--muted); }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { border-bottom: 2px solid var(--muted); white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--muted); }
.sources a { white-space: nowrap; }
.sources a.ref { font-size: .75rem; margin: 0 .5rem 0 .15rem; color: var(--muted); text-decoration: none; }
.source-list { font-size: .8rem; color: var(--muted); padding-left: 2rem; overflow-wrap: anywhere; }
table.participants { font-size: .85rem; }
.code { color: var(--muted); font-weight: 400; font-size: .8rem; }
.status-in_force, .status-consented { color: var(--counted); font-weight: 600; }
.not-yet { font-size: .85rem; color: var(--muted); }
footer { margin-top: 2.5rem; border-top: 1px solid var(--line); padding-top: .75rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 40rem) {
  main { padding: 1rem .75rem 2rem; }
  h1 { font-size: 1.35rem; }
  .box { grid-template-columns: 1fr; padding: .75rem; }
  .headline { font-size: 2.1rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .35rem; }
  svg.wide { display: none; }
  svg.narrow { display: block; }
}
@page { margin: 14mm 12mm; }
@media print {
  body { font-size: 9.5pt; line-height: 1.35; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 16pt; }
  h2 { font-size: 12pt; margin: 1rem 0 .3rem; }
  h3 { font-size: 10.5pt; margin: .8rem 0 .3rem; }
  .box { padding: .6rem .9rem; margin: .6rem 0; gap: .5rem 1.25rem; }
  .headline { font-size: 2rem; }
  .warning { padding: .3rem .6rem; margin: .5rem 0; }
  figure { margin: .5rem 0; }
  h2, h3 { break-after: avoid; }
  .box, figure, .warning, tr { break-inside: avoid; }
  .treaty + .treaty { break-before: page; border-top: none; margin-top: 0; padding-top: 0; }
  .scroll { overflow: visible; }
  svg.wide { display: block; }
  svg.narrow { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;
