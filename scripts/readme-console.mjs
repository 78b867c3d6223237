// The README's console blocks of what a terminal shows, produced by the tool: each ```console block
// whose first line is "$ treaty …" (tables and prose; not --json/--csv, not report) is run under a
// real pseudo-terminal of 80 columns, stdout and stderr together, without colour, on a fresh database
// of the bundled data. `--check` changes nothing and exits 1 when the README has drifted.
// Run: node scripts/build.mjs && node scripts/readme-console.mjs [--check]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const readmePath = join(root, 'README.md');
const COLUMNS = 80;
const check = process.argv.includes('--check');

const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const home = mkdtempSync(join(tmpdir(), 'treaty-readme-'));
const env = { PATH: process.env.PATH ?? '', HOME: home, TREATY_DB: join(home, 'treaty.db'), TZ: 'UTC', NO_COLOR: '1', TERM: 'xterm' };

/** The command line as typed in the README, with `treaty` the built binary, in an 80-column pty. */
function inPty(commandLine) {
  const treaty = `treaty() { ${quote(process.execPath)} ${quote(join(root, 'bin', 'treaty.js'))} "$@"; }`;
  const command = `stty cols ${COLUMNS} rows 50 && ${treaty} && ${commandLine}`;
  return execFileSync('script', ['-qfec', command, join(home, 'typescript')], { env, encoding: 'utf8' }).replace(/\r\n/g, '\n').trimEnd();
}

const generated = (line) => /^\$ treaty /.test(line) && !/ --(json|csv|ndjson|tsv)\b| --format | report /.test(line);

try {
  const readme = readFileSync(readmePath, 'utf8');
  const blocks = [];
  const updated = readme.replace(/```console\n(\$ treaty [^\n]*)\n([\s\S]*?)```/g, (whole, first, body) => {
    if (!generated(first)) return whole;
    const full = inPty(first.slice(2));
    // A block the README abridges (it ends in "...", as npm run readme's head=N writes it) is compared on the lines it keeps.
    const kept = body.trimEnd().split('\n');
    const cut = kept.indexOf('...');
    const lines = full.split('\n');
    const tail = cut < 0 ? 0 : kept.length - cut - 1;
    const output = cut < 0 ? full : [...lines.slice(0, cut), '...', ...(tail ? lines.slice(-tail) : [])].join('\n');
    if (output.trimEnd() !== body.trimEnd()) blocks.push(first);
    return `\`\`\`console\n${first}\n${output}\n\`\`\``;
  });
  if (check) {
    if (blocks.length > 0) {
      process.stderr.write(`README.md: ${blocks.length} console block(s) differ from what an ${COLUMNS}-column terminal shows:\n${blocks.map((b) => `  ${b}`).join('\n')}\nrun: node scripts/readme-console.mjs\n`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(readmePath, updated);
    process.stdout.write(`README.md: ${blocks.length} console block(s) regenerated\n`);
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
