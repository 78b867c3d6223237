// The README's tables of commands and options and its console blocks are what the tool prints today
// (regenerate them with `npm run readme`). Runs the built CLI in-process, so it follows `npm test`'s build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';
// @ts-expect-error: a plain script, without types
import { regenerate, shellWords } from '../scripts/readme.mjs';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

it('holds generated parts: the command table, option tables and console blocks', () => {
  expect(readme).toContain('<!-- commands -->');
  expect(readme).toContain('<!-- options: all -->');
  expect(readme.match(/<!-- run[^>]*-->\n(<!-- run[^>]*-->\n)*```console/g)?.length).toBeGreaterThanOrEqual(10);
});

it('splits the example lines as a shell would', () => {
  expect(shellWords(`treaty history "Viet Nam" --as-of 2026-11-23`)).toEqual(['treaty', 'history', 'Viet Nam', '--as-of', '2026-11-23']);
  expect(shellWords(`treaty what-if --deposit 'EU:2027-01-11:approval' ""`)).toEqual(['treaty', 'what-if', '--deposit', 'EU:2027-01-11:approval', '']);
});

it('is current: npm run readme changes nothing', async () => {
  const fresh = (await regenerate(readme)) as string;
  // On failure the diff shows which block drifted; run `npm run readme` and review it.
  expect(fresh).toBe(readme);
});
