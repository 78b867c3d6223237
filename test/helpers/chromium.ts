// Where the report's browser test finds Chromium, and whether it may be skipped without one. Apart
// from browser.ts so that deciding costs no playwright import.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const APPS = ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

export const HOW_TO_RUN =
  'install Chromium (Debian: apt-get install chromium; .ci/run does it) or set CHROMIUM_PATH to a Chrome or Chromium binary, then run npm test again';

/** CHROMIUM_PATH when set (even to a file that is missing), else the first Chromium on PATH or in Applications. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const dir of dirs) for (const name of NAMES) if (existsSync(join(dir, name))) return join(dir, name);
  return APPS.find((p) => existsSync(p));
}

/** On CI, or when asked, a missing browser fails the test instead of skipping it. */
export function browserTestRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return ci || env.TREATY_BROWSER_TEST === 'required';
}
