// The width of the terminal stdout is, if it is one. Loaded at every start, so it imports nothing.

/** Below this a terminal width is taken for a mistake, not a terminal. */
const NARROWEST = 10;
/** A terminal that reports no size (a serial console, some CI runners): the classic width. */
const FALLBACK = 80;

function positive(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= NARROWEST && n <= 10_000 ? n : undefined;
}

/**
 * The width a table fits: none when stdout is not a terminal (a pipe gets every column in full, and
 * COLUMNS, which shells export to their children, says nothing about a pipe). On a terminal, the size
 * it reports, else COLUMNS when it is a sensible number (garbage and 0 are ignored), else 80.
 */
export function terminalWidth(isTTY: boolean, reported: () => number | undefined, env: NodeJS.ProcessEnv): number | undefined {
  if (!isTTY) return undefined;
  return positive(reported()) ?? positive(env.COLUMNS) ?? FALLBACK;
}
