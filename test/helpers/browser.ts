// Headless Chromium for the report's browser test: Debian's package (or CHROMIUM_PATH), driven by
// playwright-core, which never downloads a browser of its own. Every page opened here records what a
// reader would not want: console errors and warnings, uncaught errors, and any request beyond the file.
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium, HOW_TO_RUN } from './chromium.js';

export function chromiumPath(): string {
  const path = findChromium();
  if (!path) throw new Error(`the report's browser test needs Chromium: ${HOW_TO_RUN}`);
  return path;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Chromium's own background traffic (updates, sync, safe browsing) is switched off, so any request
    // the test sees comes from the page.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'],
  });
}

export interface OpenedPage {
  page: Page;
  /** Console errors and warnings, and uncaught exceptions, as text. */
  problems: string[];
  /** Every URL the page asked for, the file itself excepted. */
  requests: string[];
}

export async function openFile(browser: Browser, file: string, viewport: { width: number; height: number }): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport });
  const url = pathToFileURL(file).href;
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  // Nothing may leave the machine even if the page asked: a request is recorded, then refused.
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, requests };
}
