import { UsageError } from '../errors.js';
import { path } from '../options.js';
import { DEFAULT_TREATY, defineCommand, flag, option } from '../options-spec.js';

export const reportSpec = defineCommand({
  name: 'report',
  summary: 'a self-contained HTML page: status, progress chart, regional groups, participants and sources',
  args: {},
  options: {
    out: option(path(), '<file>', 'write the page to this file (default: standard output, when it is not a terminal)'),
    allTreaties: flag('every treaty in the database, not only --treaty'),
  },
  examples: [
    ['treaty report --out hanoi.html', 'one page to open, print or send'],
    ['treaty report --all-treaties --as-of 2026-12-31 > treaties.html', 'every treaty, as of the end of the year'],
  ],
  notes: 'The page needs no network and no script: open it in any browser, print it (A4 or Letter), or send it.',
  async run(o, _a, { ctx, io, version }) {
    if (o.out === undefined && io.isTTY) throw new UsageError('report: the page is HTML, not for the terminal; give --out FILE (e.g. --out hanoi.html) or redirect it to a file');
    const { checkOutputTarget, writeFileAtomic } = await import('../ui/output-file.js');
    const target = { protect: [ctx.dbPath(o.db)] };
    if (o.out !== undefined) checkOutputTarget(o.out, target);
    const { report } = await import('./report.js');
    const { reportHtml } = await import('../formats/report-html.js');
    const result = await report(ctx, { db: o.db, treaty: o.treaty ?? DEFAULT_TREATY, asOf: o.asOf, allTreaties: o.allTreaties, version });
    const page = reportHtml(result);
    if (o.out === undefined) return void io.out.write(page);
    const { special } = writeFileAtomic(o.out, page, target);
    const what = result.sections.length === 1 ? result.sections[0]!.status.short_title : `${result.sections.length} treaties`;
    // The path on stdout is for scripts; not when stdout may be the very device just written to.
    if (!special) io.out.write(`${o.out}\n`);
    io.err.write(`wrote ${o.out} (${Math.ceil(Buffer.byteLength(page) / 1024)} KB): ${what} as of ${result.as_of}; open it in a browser\n`);
  },
});
