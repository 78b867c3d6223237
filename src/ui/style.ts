// The few text styles tables use. Plain when colour is off, so chalk loads only for a terminal.
import type { ColorSupportLevel } from 'chalk';

type Paint = (text: string) => string;
export interface Style {
  readonly enabled: boolean;
  bold: Paint;
  dim: Paint;
  green: Paint;
  yellow: Paint;
  red: Paint;
  cyan: Paint;
}

const same: Paint = (text) => text;
export const PLAIN: Style = { enabled: false, bold: same, dim: same, green: same, yellow: same, red: same, cyan: same };

export async function styleFor(level: ColorSupportLevel): Promise<Style> {
  if (level === 0) return PLAIN;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level });
  return { enabled: true, bold: c.bold, dim: c.dim, green: c.green, yellow: c.yellow, red: c.red, cyan: c.cyan };
}
