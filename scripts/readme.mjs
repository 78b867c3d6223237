// npm run readme: regenerates the README's generated parts from the tool itself (the way sqlite-utils
// keeps its docs honest with cog); test/readme.test.ts fails when the README differs from them.
//   <!-- commands -->…<!-- /commands -->            the table of commands, from the specs
//   <!-- options: NAME|global|all -->…<!-- /options -->  option tables, from the specs
//   <!-- run: treaty ARGS -->  (one or more lines, then a ```console block)
//                                                   the block is what the command prints, stdout
//                                                   and stderr in the order written; `head=N` and
//                                                   `tail=N` after "run" keep that many lines
// Commands run in-process from dist/ (npm run readme builds first) in a temporary folder with a new
// database, TZ=UTC, as an 80-column terminal without colour; README_COLUMNS=N (or regenerate(text, { columns, env })) renders
// at another width, with more environment variables if given.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;

/** Words of a shell-like line: spaces separate, '…' and "…" quote. Enough for the README's lines. */
export function shellWords(line) {
  const words = [];
  let word = null;
  let quote = null;
  for (const c of line) {
    if (quote) {
      if (c === quote) quote = null;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + c;
  }
  if (quote) throw new Error(`unclosed quote in: ${line}`);
  if (word !== null) words.push(word);
  return words;
}

async function runAll(commands, { columns, env }) {
  const { main } = require(join(root, 'dist', 'cli.cjs'));
  const output = [];
  for (const line of commands) {
    const argv = shellWords(line);
    if (argv.shift() !== 'treaty') throw new Error(`not a treaty command line: ${line}`);
    const chunks = [];
    const sink = { closed: false, write: (s) => void chunks.push(s) };
    await main(argv, { out: sink, err: sink, isTTY: columns !== undefined, columns, env });
    output.push(`$ ${line}`, ...chunks.join('').replace(/\n$/, '').split('\n'));
  }
  return output;
}

function trim(lines, head, tail) {
  if (head === undefined && tail === undefined) return lines;
  const h = head ?? 0;
  const t = tail ?? 0;
  if (h + t >= lines.length) return lines;
  return [...lines.slice(0, h), '...', ...(t ? lines.slice(-t) : [])];
}

/** The README with every generated part rebuilt. */
// 80 columns by default: the README shows what an 80-column terminal shows (the pty test in
// test/pty/readme.test.ts checks it against a real one), colour off.
export async function regenerate(text, { columns = process.env.README_COLUMNS ? Number(process.env.README_COLUMNS) : 80, env: extraEnv = {} } = {}) {
  const reference = require(join(root, 'dist', 'reference.cjs'));
  const folder = mkdtempSync(join(tmpdir(), 'treaty-readme-'));
  const env = { HOME: folder, TREATY_DB: join(folder, 'treaty.db'), TZ: 'UTC', NO_COLOR: '1', ...(columns ? { COLUMNS: String(columns) } : {}), ...extraEnv };
  const cwd = process.cwd();
  process.chdir(folder); // files the examples write (report --out) land in the temporary folder
  try {
    let out = text.replace(/<!-- commands -->\n[\s\S]*?<!-- \/commands -->/g, () => `<!-- commands -->\n${reference.commandTable()}\n<!-- /commands -->`);
    out = out.replace(/<!-- options: ([\w -]+) -->\n[\s\S]*?<!-- \/options -->/g, (_, name) => {
      const table = name === 'global' ? reference.globalOptionTable() : name === 'all' ? reference.allOptionTables() : reference.optionTable(name);
      return `<!-- options: ${name} -->\n${table}\n<!-- /options -->`;
    });
    const blocks = /((?:<!-- run(?: head=\d+)?(?: tail=\d+)?: .+ -->\n)+)```console\n[\s\S]*?\n```/g;
    const parts = [];
    let last = 0;
    for (const m of out.matchAll(blocks)) {
      const markers = [...m[1].matchAll(/<!-- run(?: head=(\d+))?(?: tail=(\d+))?: (.+) -->/g)];
      const lines = await runAll(markers.map((x) => x[3]), { columns, env });
      const head = markers.find((x) => x[1])?.[1];
      const tail = markers.find((x) => x[2])?.[2];
      parts.push(out.slice(last, m.index), m[1], '```console\n', trim(lines, head && Number(head), tail && Number(tail)).join('\n'), '\n```');
      last = m.index + m[0].length;
    }
    parts.push(out.slice(last));
    return parts.join('');
  } finally {
    process.chdir(cwd);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = join(root, 'README.md');
  const before = readFileSync(file, 'utf8');
  const after = await regenerate(before);
  if (after !== before) writeFileSync(file, after);
  console.log(after === before ? 'README.md is current' : 'README.md regenerated');
}
