// Regenerates the README's pictures (docs/*.png): each command is run under a real pseudo-terminal
// (util-linux `script`, 100 columns) on the bundled data and a fresh database, its colours turned
// into HTML, and the page photographed by Chromium (playwright-core, the browser of the system).
// Run: node scripts/build.mjs && node scripts/screenshots.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(new URL('..', import.meta.url).pathname);
const COLUMNS = 100;
const SHOTS = [
  { file: 'status.png', args: ['status', '--as-of', '2026-11-23'] },
  { file: 'participants.png', args: ['participants', '--status', 'signed', '--group', 'African', '--as-of', '2026-11-23'] },
];

const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const home = mkdtempSync(join(tmpdir(), 'treaty-shots-'));
const env = { PATH: process.env.PATH ?? '', HOME: home, TREATY_DB: join(home, 'treaty.db'), TZ: 'UTC', TERM: 'xterm-256color' };

/** What a terminal of COLUMNS columns receives from the command, stdout and stderr together. */
function inPty(args) {
  const command = `stty cols ${COLUMNS} rows 60 && ${quote(process.execPath)} ${quote(join(root, 'bin', 'treaty.js'))} ${args.map(quote).join(' ')}`;
  return execFileSync('script', ['-qfec', command, join(home, 'typescript')], { env, encoding: 'utf8' }).replace(/\r\n/g, '\n');
}

const COLOURS = { 31: '#ff6b6b', 32: '#7ee787', 33: '#e3b341', 36: '#76e3ea' };
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** SGR codes as spans: the few styles the tool uses (bold, dim, four colours). */
function ansiToHtml(text) {
  let bold = false;
  let dim = false;
  let colour = null;
  let html = '';
  for (const part of text.split(/(\x1b\[[0-9;]*m)/)) {
    const m = /^\x1b\[([0-9;]*)m$/.exec(part);
    if (!m) {
      if (part === '') continue;
      const style = [bold ? 'font-weight:bold' : '', dim ? 'opacity:.6' : '', colour ? `color:${colour}` : ''].filter(Boolean).join(';');
      html += style ? `<span style="${style}">${escapeHtml(part)}</span>` : escapeHtml(part);
      continue;
    }
    for (const code of (m[1] || '0').split(';').map(Number)) {
      if (code === 0) [bold, dim, colour] = [false, false, null];
      else if (code === 1) bold = true;
      else if (code === 2) dim = true;
      else if (code === 22) [bold, dim] = [false, false];
      else if (code === 39) colour = null;
      else if (COLOURS[code]) colour = COLOURS[code];
    }
  }
  return html;
}

const browserPath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!browserPath) throw new Error('needs Chromium: apt-get install chromium, or set CHROMIUM_PATH');
const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
try {
  for (const shot of SHOTS) {
    const output = inPty(shot.args);
    const page = `<!doctype html><meta charset="utf-8"><style>
      body { margin: 0; background: #0d1117; }
      pre { margin: 0; padding: 16px 20px; width: ${COLUMNS}ch; color: #e6edf3; background: #0d1117;
            font: 14px/1.35 "DejaVu Sans Mono", monospace; white-space: pre; }
      .prompt { color: #8b949e; }
    </style><pre><span class="prompt">$ treaty ${escapeHtml(shot.args.join(' '))}</span>\n${ansiToHtml(output.trimEnd())}</pre>`;
    const htmlFile = join(home, `${shot.file}.html`);
    writeFileSync(htmlFile, page);
    const tab = await browser.newPage({ viewport: { width: 1000, height: 400 }, deviceScaleFactor: 1 });
    await tab.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await tab.goto(pathToFileURL(htmlFile).href);
    await tab.locator('pre').screenshot({ path: join(root, 'docs', shot.file) });
    await tab.close();
    process.stdout.write(`docs/${shot.file}: treaty ${shot.args.join(' ')}\n`);
  }
} finally {
  await browser.close();
  rmSync(home, { recursive: true, force: true });
}
