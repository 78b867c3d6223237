/// <reference lib="dom" />
// treaty report, read in a real browser (headless Chromium): it renders without errors or requests,
// its figures equal `treaty status --json`, its tables equal `treaty participants --json`, it fits a
// phone, and it prints. Screenshots and PDFs go to test/artifacts/report/ for a reviewer to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openFile } from '../helpers/browser.js';
import { cleanEnv, ROOT, runCli, tempDir } from '../helpers/run-cli.js';

const ARTIFACTS = join(ROOT, 'test', 'artifacts', 'report');
const AS_OF = '2026-11-23';
const DESKTOP = { width: 1100, height: 900 };
const PHONE = { width: 390, height: 844 };

type Json = Record<string, unknown>;

let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function cli(args: string[], env: Record<string, string>): string {
  const r = runCli(args, env);
  if (r.code !== 0) throw new Error(`treaty ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

function valueAt(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, key) => (o === null || o === undefined ? undefined : (o as Json)[key]), object);
}

/** Every figure the page marks, by field name: each must be shown the same wherever it appears. */
async function fieldsOf(page: Page, treaty: string): Promise<Record<string, string[]>> {
  return page.$$eval(`section[data-treaty="${treaty}"] [data-field]`, (els) => {
    const out: Record<string, string[]> = {};
    for (const el of els as HTMLElement[]) (out[el.dataset.field!] ??= []).push(el.dataset.value ?? el.textContent!.trim());
    return out;
  });
}

interface Opened {
  page: Page;
  problems: string[];
  requests: string[];
}

/** Writes the report, opens it, and checks what every report must satisfy; returns the open page. */
async function openReport(env: Record<string, string>, name: string, args: string[]): Promise<Opened> {
  const file = join(tempDir(), `${name}.html`);
  const r = runCli(['report', '--out', file, '--as-of', AS_OF, ...args], env);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout.trim()).toBe(file);
  const opened = await openFile(browser, file, DESKTOP);
  await opened.page.screenshot({ path: join(ARTIFACTS, `${name}-desktop.png`), fullPage: true });
  expect(opened.problems).toEqual([]);
  expect(opened.requests).toEqual([]);
  return opened;
}

/** The page's figures for one treaty equal status --json; its tables equal participants --json. */
async function expectFiguresMatch(page: Page, env: Record<string, string>, treaty: string): Promise<Json> {
  const status = JSON.parse(cli(['status', '--treaty', treaty, '--as-of', AS_OF, '--json'], env)) as Json;
  const fields = await fieldsOf(page, treaty);
  for (const name of ['counted', 'threshold', 'signatories', 'consents', 'remaining', 'entry_into_force.state', 'as_of', 'data_as_of']) {
    expect(fields, `the page shows ${name}`).toHaveProperty([name]);
  }
  for (const [name, shown] of Object.entries(fields)) {
    for (const value of shown) expect(value, name).toBe(String(valueAt(status, name)));
  }

  // The chart's end labels are the same figures.
  const section = page.locator(`section[data-treaty="${treaty}"]`);
  const labels = await section.locator('svg.chart.wide text.label').allTextContents();
  expect(labels).toEqual([`${status.signatories} signatories`, `${status.counted} counted`]);

  // The regional table adds up to the status, and to every participant the database knows.
  const regions: { group: string; n: Record<string, number> }[] = await section.locator('table.regions-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      group: (row as HTMLElement).dataset.group!,
      n: Object.fromEntries(Array.from(row.querySelectorAll('td'), (td) => [td.dataset.col!, Number(td.textContent)])),
    })),
  );
  const total = regions.find((r) => r.group === 'total')?.n;
  const groups = regions.filter((r) => r.group !== 'total').map((r) => r.n);
  expect(total).toBeDefined();
  for (const col of ['participants', 'signed', 'consented', 'signed_only', 'not_yet']) {
    expect(groups.reduce((sum, g) => sum + g[col]!, 0), col).toBe(total![col]);
  }
  for (const g of [...groups, total!]) expect(g.consented! + g.signed_only! + g.not_yet!).toBe(g.participants);
  expect(total!.signed).toBe(status.signatories);
  expect(total!.consented).toBe(status.consents);
  const everyone = JSON.parse(cli(['participants', '--treaty', treaty, '--as-of', AS_OF, '--all', '--json'], env)) as Json[];
  expect(total!.participants).toBe(everyone.length);

  // The participants table lists exactly those who have acted, with their dates.
  const acted = everyone.filter((p) => p.status !== 'none');
  const rows = await section.locator('table.participants tbody tr').evaluateAll((trs) => trs.map((tr) => ({ code: (tr as HTMLElement).dataset.code!, text: tr.textContent! })));
  expect(rows.map((r) => r.code).sort()).toEqual(acted.map((p) => p.code as string).sort());
  for (const p of acted) {
    const row = rows.find((r) => r.code === p.code)!;
    for (const date of [p.signed_on, p.consent_on, p.in_force_on]) if (typeof date === 'string') expect(row.text).toContain(date);
  }
  expect(await section.locator('table.participants tbody tr td.sources a').count()).toBeGreaterThanOrEqual(acted.length);
  return status;
}

/** Fits a phone's width without sideways scrolling of the page (wide tables scroll in their own box). */
async function expectFitsPhone(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await page.locator('svg.chart.narrow').first().isVisible()).toBe(true);
  expect(await page.locator('svg.chart.wide').first().isVisible()).toBe(false);
  await page.screenshot({ path: join(ARTIFACTS, `${name}-phone.png`), fullPage: true });
}

/** A4's printable area at 96 px an inch, with the page's 14 mm and 12 mm margins; Letter's is wider and as tall. */
const A4_CONTENT = { width: Math.floor(((210 - 24) / 25.4) * 96), height: Math.floor(((297 - 28) / 25.4) * 96) };

/**
 * Prints to A4 and Letter: the wide chart, the status box and the chart on the first page (the brief)
 * of a one-treaty report, and a PDF of a sensible number of pages.
 */
async function expectPrints(page: Page, name: string, maxPages: number, chartOnFirstPage = true): Promise<void> {
  await page.setViewportSize(A4_CONTENT);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('svg.chart.wide').first().isVisible()).toBe(true);
  expect(await page.locator('svg.chart.narrow').first().isVisible()).toBe(false);
  const chart = await page.locator('svg.chart.wide').first().boundingBox();
  if (chartOnFirstPage) expect(chart!.y + chart!.height, 'the chart ends on the first page').toBeLessThanOrEqual(A4_CONTENT.height);
  expect(chart!.x + chart!.width).toBeLessThanOrEqual(A4_CONTENT.width);
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format });
    writeFileSync(join(ARTIFACTS, `${name}-${format}.pdf`), pdf);
    const pages = Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);
    expect(pages, `${format} pages`).toBeGreaterThanOrEqual(1);
    expect(pages, `${format} pages`).toBeLessThanOrEqual(maxPages);
  }
  await page.emulateMedia({ media: 'screen' });
}

describe('treaty report in a browser', () => {
  it('shows the Hanoi Convention as bundled: figures equal status --json, no errors, no requests, fits a phone, prints', async () => {
    const env = cleanEnv();
    const { page } = await openReport(env, 'hanoi', []);
    const status = await expectFiguresMatch(page, env, 'XVIII-16');
    expect(status.entry_into_force).toMatchObject({ state: 'pending' });
    expect(await page.title()).toBe(`UN Convention against Cybercrime: status as of ${AS_OF}`);
    // No script anywhere, and the policy forbids fetching anything.
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("default-src 'none'");
    expect(await page.locator('.warning').first().textContent()).toContain('days old');
    await expectFitsPhone(page, 'hanoi');
    await expectPrints(page, 'hanoi', 8);
    await page.close();
  });

  it('draws the projection and its interval once three instruments are counted', async () => {
    const env = cleanEnv();
    const source = 'https://example.org/test-fixture';
    for (const [who, date] of [['Viet Nam', '2026-03-02'], ['Qatar', '2026-05-10'], ['Azerbaijan', '2026-08-20']] as const) {
      cli(['record', who, 'ratification', date, '--source', source], env);
    }
    const { page } = await openReport(env, 'hanoi-projection', []);
    const status = await expectFiguresMatch(page, env, 'XVIII-16');
    expect(status.projection).not.toBeNull();
    const chart = page.locator('svg.chart.wide');
    expect(await chart.locator('g.projection rect').count()).toBe(1);
    expect(await chart.locator('g.projection text').textContent()).toContain(valueAt(status, 'projection.threshold_reached_on.median') as string);
    expect(await chart.locator('g.as-of').count()).toBe(1);
    await page.close();
  });

  it('counts down to a scheduled entry into force', async () => {
    const env = cleanEnv();
    const signatories = (JSON.parse(cli(['participants', '--status', 'signed', '--kind', 'state', '--json'], env)) as Json[]).slice(0, 40);
    const dir = tempDir();
    const csv = ['treaty,code,action,date,reference,source,note', ...signatories.map((p, i) => `XVIII-16,${p.code},ratification,2026-${10 + Math.floor(i / 20)}-${String(1 + (i % 20)).padStart(2, '0')},,https://example.org/test-fixture,`)];
    writeFileSync(join(dir, 'forty.csv'), `${csv.join('\n')}\n`);
    cli(['import', join(dir, 'forty.csv')], env);
    const { page } = await openReport(env, 'hanoi-scheduled', []);
    const status = await expectFiguresMatch(page, env, 'XVIII-16');
    // The 40th instrument on 20 November 2026; the ninetieth day after it is 18 February 2027.
    expect(status.entry_into_force).toMatchObject({ state: 'scheduled', date: '2027-02-18', days_until: 87 });
    const fields = await fieldsOf(page, 'XVIII-16');
    expect(fields['entry_into_force.days_until']).toBeDefined();
    expect(await page.locator('svg.chart.wide g.eif text').textContent()).toContain('18 February 2027');
    await page.close();
  });

  it('shows every treaty with --all-treaties, Budapest in force among them', async () => {
    const env = cleanEnv();
    const { page } = await openReport(env, 'all-treaties', ['--all-treaties']);
    const treaties = await page.locator('section.treaty').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.treaty));
    expect(treaties.sort()).toEqual(['XVIII-16', 'ets185']);
    await expectFiguresMatch(page, env, 'XVIII-16');
    const budapest = await expectFiguresMatch(page, env, 'ets185');
    expect(budapest.entry_into_force).toMatchObject({ state: 'in_force', date: '2004-07-01' });
    expect(await page.locator('table.overview tbody tr').count()).toBe(2);
    await expectFitsPhone(page, 'all-treaties');
    // The first page holds the overview of all treaties; each treaty starts a page of its own.
    await expectPrints(page, 'all-treaties', 16, false);
    await page.close();
  });
});
