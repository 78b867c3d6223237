// npm run corpus [FOLDER]: `treaty add` on every status page of a folder, as a new user would run it,
// and what came of it. The default folder is the 2018 corpus beside the repository (../shared), which a
// user's clone lacks: the pages are real depositary files, too many and too large for `npm test`.
//
// Each page is added to one temporary database with the rule given on the command line
// (--threshold 20 --days 30), then tried once more without rule flags (--dry-run) to see whether the
// rule is read from the depositary's words. Runs in-process (the built CLI's main), so 200 pages take
// seconds, not minutes.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const folder = resolve(process.argv[2] ?? join(root, '..', 'shared', 'reference', 'mtdsg', 'corpus-2018'));
const { main } = createRequire(import.meta.url)(join(root, 'dist', 'cli.cjs'));

function collector() {
  let text = '';
  return { sink: { closed: false, write: (chunk) => void (text += chunk) }, text: () => text };
}

async function run(argv) {
  const out = collector();
  const err = collector();
  const env = { HOME: tmpdir(), TZ: 'UTC', NO_COLOR: '1' };
  let code;
  try {
    code = await main(argv, { out: out.sink, err: err.sink, isTTY: false, columns: undefined, env });
  } catch (e) {
    return { code: 'crash', stdout: '', stderr: String(e?.stack ?? e) };
  }
  return { code, stdout: out.text(), stderr: err.text() };
}

/** The page itself says whether it has a participants table: this does not trust the reader. */
const hasTable = (xml) => /<Participants>[\s\S]*<Tbody>[\s\S]*<Row>/.test(xml);

/** A refusal's reason without the file, row and cell values, so that pages refused alike group together. */
function reason(stderr) {
  const line = stderr.split('\n').find((l) => l.startsWith('error: ')) ?? stderr.split('\n')[0] ?? '';
  return line
    .replace(/^error: /, '')
    .replace(/^[^:]*\.xml(:\d+(:\d+)?)?: /, '')
    .replace(/row \d+ \([^)]*\)/g, 'row N')
    .replace(/row \d+/g, 'row N')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, 'N');
}

if (!existsSync(folder)) {
  process.stderr.write(`error: ${folder}: no such folder (a clone has no ../shared: give a folder of status pages, npm run corpus FOLDER)\n`);
  process.exit(1);
}
const files = readdirSync(folder).filter((f) => f.endsWith('.xml')).sort();
const dir = mkdtempSync(join(tmpdir(), 'treaty-corpus-'));
const db = join(dir, 'corpus.db');
const tally = { pages: files.length, withTable: 0, imported: 0, agree: 0, ruleFromWords: 0, ruleStated: 0, crashes: 0, footnoteActions: 0, footnotePages: 0 };
const refused = new Map();
const refusedWithoutTable = new Map();
const disagreements = [];
const crashes = [];
const ruleRefusals = new Map();
const wordsDisagree = [];
try {
  for (const file of files) {
    const path = join(folder, file);
    const table = hasTable(readFileSync(path, 'latin1'));
    if (table) tally.withTable += 1;
    // Without rule flags first (a dry run), while the treaty is not yet in the database.
    const words = await run(['--db', db, 'add', path, '--dry-run', '--snapshot-date', '2018-01-15', '--json']);
    const r = await run(['--db', db, 'add', path, '--threshold', '20', '--days', '30', '--snapshot-date', '2018-01-15', '--json']);
    if (r.code === 0 && table) {
      if (words.code === 0) {
        tally.ruleFromWords += 1;
        const date = words.stderr.split('\n').find((l) => l.startsWith('the depositary gives entry into force'));
        if (date) wordsDisagree.push(`${basename(file, '.en.xml')}: ${date}`);
      }
      else {
        const why = reason(words.stderr);
        if (!/does not state the rule/.test(why)) tally.ruleStated += 1;
        ruleRefusals.set(why, (ruleRefusals.get(why) ?? 0) + 1);
      }
    }
    if (r.code === 'crash' || /internal error/.test(r.stderr) || (r.code !== 0 && r.code !== 1 && r.code !== 2)) {
      tally.crashes += 1;
      crashes.push(`${file}: ${r.stderr.split('\n')[0]}`);
      continue;
    }
    if (r.code !== 0) {
      const into = table ? refused : refusedWithoutTable;
      const why = reason(r.stderr);
      into.set(why, [...(into.get(why) ?? []), file]);
      continue;
    }
    if (table) tally.imported += 1;
    const added = JSON.parse(r.stdout)[0] ?? {};
    if (added.footnote_actions) {
      tally.footnoteActions += added.footnote_actions;
      tally.footnotePages += 1;
    }
    const lines = r.stderr.split('\n');
    const counts = lines.filter((l) => /^the header counts /.test(l));
    if (counts.length === 0) tally.agree += 1;
    else disagreements.push({ file, lines: lines.filter((l) => /^(the header counts |  )/.test(l)) });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pct = (n, of) => (of === 0 ? '-' : `${((100 * n) / of).toFixed(0)}%`);
const out = [];
out.push(`folder: ${folder}`);
out.push(`pages:                          ${tally.pages}`);
out.push(`pages with a participants table: ${tally.withTable}`);
out.push(`imported:                        ${tally.imported} (${pct(tally.imported, tally.withTable)})`);
out.push(`header counts agree:             ${tally.agree} of ${tally.imported} imported (${pct(tally.agree, tally.imported)})`);
out.push(`actions read from footnotes:     ${tally.footnoteActions} on ${tally.footnotePages} pages (predecessors' instruments, which count for entry into force but not in the header's counts, and denunciations)`);
out.push(`rule read from the words:        ${tally.ruleFromWords} of ${tally.ruleFromWords + tally.ruleStated} pages that state one (the other ${tally.imported - tally.ruleFromWords - tally.ruleStated} imported give only a date and an article)`);
out.push(`crashes:                         ${tally.crashes}`);
const byCount = (m) => [...m.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
out.push('', `refused, with a participants table (${[...refused.values()].flat().length}):`);
for (const [why, list] of byCount(refused)) out.push(`  ${String(list.length).padStart(3)}  ${why}`, `       ${list.map((f) => basename(f, '.en.xml')).join(' ')}`);
out.push('', `refused, without a participants table (${[...refusedWithoutTable.values()].flat().length}):`);
for (const [why, list] of byCount(refusedWithoutTable)) out.push(`  ${String(list.length).padStart(3)}  ${why}`);
out.push('', `header counts disagree (${disagreements.length}):`);
for (const d of disagreements) out.push(`  ${basename(d.file, '.en.xml')}:`, ...d.lines.map((l) => `    ${l.trim()}`));
out.push('', `rule read from the words, giving another date than the depositary's (${wordsDisagree.length}):`, ...wordsDisagree.map((w) => `  ${w}`));
out.push('', 'rule not read from the words (without rule flags):');
for (const [why, n] of [...ruleRefusals.entries()].sort((a, b) => b[1] - a[1])) out.push(`  ${String(n).padStart(3)}  ${why}`);
if (crashes.length) out.push('', 'crashes:', ...crashes.map((c) => `  ${c}`));
process.stdout.write(`${out.join('\n')}\n`);
process.exitCode = tally.crashes > 0 ? 1 : 0;
