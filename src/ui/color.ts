import type { ColorSupportLevel } from 'chalk';

const FORCED: Record<string, ColorSupportLevel> = { '0': 0, false: 0, '1': 1, true: 1, '2': 2, '3': 3 };

/**
 * Colour is decided here once: --no-color, then NO_COLOR (non-empty), then FORCE_COLOR, then a terminal
 * that is not "dumb". chalk's own detection ignores NO_COLOR, so it is never used.
 */
export function colorLevel(isTTY: boolean, env: NodeJS.ProcessEnv, colorFlag: boolean): ColorSupportLevel {
  if (!colorFlag || env.NO_COLOR) return 0;
  if (env.FORCE_COLOR !== undefined) return FORCED[env.FORCE_COLOR] ?? 1;
  return isTTY && env.TERM !== 'dumb' ? 1 : 0;
}
