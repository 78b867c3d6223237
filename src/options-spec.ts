// A command declared once: its arguments, options, help and run. Commander's declarations, --help,
// the fast parser, the completion scripts and the README tables are all read from these objects, and
// the type of what a run receives is inferred from them.
import type { Ctx } from './context.js';
import type { Format } from './domain/vocabulary.js';
import { FORMATS } from './domain/vocabulary.js';
import { UsageError } from './errors.js';
import type { Result } from './formats/result.js';
import type { Io } from './io.js';
import { choice, columnNames, date, path, treaty, type ValueKind } from './options.js';

export interface OptionSpec<T> {
  readonly help: string;
  /** Undefined for a flag. */
  readonly value?: ValueKind<unknown>;
  /** `<date>` in help and tables. */
  readonly placeholder?: string;
  /** 'list': comma-separated and repeatable; 'repeat': repeatable, each value whole. */
  readonly many?: 'list' | 'repeat';
  readonly required?: boolean;
  /** `--no-<name>`: true unless given. */
  readonly negated?: boolean;
  /** Turns what the command line gave (undefined: not given; a flag gives []) into the value. */
  finish(raws: readonly string[] | undefined, where: string): T;
}

export interface ArgSpec<T> {
  readonly help: string;
  readonly value: ValueKind<unknown>;
  readonly variadic: boolean;
  readonly optional: boolean;
  finish(raws: readonly string[], where: string): T;
}

export function flag(help: string): OptionSpec<boolean> {
  return { help, finish: (raws) => raws !== undefined };
}

export function negatable(help: string): OptionSpec<boolean> {
  return { help, negated: true, finish: (raws) => raws === undefined };
}

export function option<T>(value: ValueKind<T>, placeholder: string, help: string): OptionSpec<T | undefined> {
  return { help, value, placeholder, finish: (raws, where) => (raws === undefined ? undefined : value.parse(raws[raws.length - 1]!, where)) };
}

export function requiredOption<T>(value: ValueKind<T>, placeholder: string, help: string): OptionSpec<T> {
  return {
    help,
    value,
    placeholder,
    required: true,
    finish(raws, where) {
      if (raws === undefined) throw new UsageError(`${where}: required, ${value.allowed}`);
      return value.parse(raws[raws.length - 1]!, where);
    },
  };
}

/** `--status a,b --status c` gives [a, b, c], each checked; repeated values kept once. */
export function listOption<T>(value: ValueKind<T>, placeholder: string, help: string): OptionSpec<T[] | undefined> {
  return {
    help,
    value,
    placeholder,
    many: 'list',
    finish(raws, where) {
      if (raws === undefined) return undefined;
      const words = [...new Set(raws.flatMap((r) => r.split(',').map((s) => s.trim())))];
      return words.map((w) => value.parse(w, where));
    },
  };
}

export function repeatedOption<T>(value: ValueKind<T>, placeholder: string, help: string): OptionSpec<T[]> {
  return { help, value, placeholder, many: 'repeat', finish: (raws, where) => (raws ?? []).map((r) => value.parse(r, where)) };
}

export function arg<T>(value: ValueKind<T>, help: string): ArgSpec<T> {
  return { help, value, variadic: false, optional: false, finish: (raws, where) => value.parse(raws[0]!, where) };
}

export function args<T>(value: ValueKind<T>, help: string, optional = false): ArgSpec<T[]> {
  return { help, value, variadic: true, optional, finish: (raws, where) => raws.map((r) => value.parse(r, where)) };
}

export const GLOBAL_OPTIONS = {
  db: option(path(), '<path>', 'database file (else $TREATY_DB, else the user data directory)'),
  treaty: option(treaty(), '<id>', 'treaty id or alias (default: XVIII-16, the UN Convention against Cybercrime)'),
  asOf: option(date(), '<date>', 'evaluate as of this date, YYYY-MM-DD (default: today)'),
  color: negatable('no colour, even on a terminal'),
};

export const FORMAT_OPTIONS = {
  format: option(choice(FORMATS), '<format>', 'output format (default: table)'),
  json: flag('shortcut for --format json'),
  csv: flag('shortcut for --format csv'),
  wide: flag('on a terminal, print every column in full instead of fitting its width'),
};

export const LIST_OPTIONS = {
  ...FORMAT_OPTIONS,
  columns: listOption(columnNames(), '<list>', 'only these columns, in this order'),
};

/** The treaty a command reads when --treaty is not given. */
export const DEFAULT_TREATY = 'XVIII-16';

/** --format, or one of its shortcuts; two different choices are a usage error. */
export function formatOf(o: { format?: Format | undefined; json?: boolean; csv?: boolean }): Format {
  const chosen = new Set<Format>();
  if (o.format !== undefined) chosen.add(o.format);
  if (o.json) chosen.add('json');
  if (o.csv) chosen.add('csv');
  if (chosen.size > 1) throw new UsageError(`choose one output format, not ${[...chosen].join(' and ')}`);
  return [...chosen][0] ?? 'table';
}

/** What a run may reach besides its values. */
export interface RunEnv {
  ctx: Ctx;
  io: Io;
  /** The command line as typed, for the change log. */
  commandLine: string;
  version: string;
  /** Every command: for the completion scripts. */
  specs: readonly AnySpec[];
}

type Options = Record<string, OptionSpec<unknown>>;
type Args = Record<string, ArgSpec<unknown>>;
type Values<T> = { [K in keyof T]: T[K] extends OptionSpec<infer V> ? V : T[K] extends ArgSpec<infer V> ? V : never };

export type OptionValues<O extends Options> = Values<O & typeof GLOBAL_OPTIONS>;
export type ArgValues<A extends Args> = Values<A>;

export interface CommandSpec<O extends Options = Options, A extends Args = Args> {
  /** `status`, or `db path` for a command of a group. */
  readonly name: string;
  readonly summary: string;
  readonly args: A;
  readonly options: O;
  /** Real command lines and what they answer: at least two, shown by --help and in the README. */
  readonly examples: readonly (readonly [string, string])[];
  /** More help, after the examples. */
  readonly notes?: string;
  /** The columns a list command can print, for --help and the README (loaded only for them). */
  readonly columns?: () => Promise<readonly string[]>;
  readonly hidden?: boolean;
  /**
   * The command changes the database (or writes a file) unless --dry-run is given: once it has, a
   * failing stdout no longer fails it (exit as done, a warning on stderr).
   */
  readonly writes?: boolean;
  /** Returns a result to render in the chosen format, or nothing when it printed itself. */
  run(o: OptionValues<O>, a: ArgValues<A>, env: RunEnv): Promise<Result | void>;
}

/** The identity, typed: `o` and `a` of run are inferred from `options` and `args`. */
export function defineCommand<O extends Options, A extends Args = Record<never, never>>(spec: CommandSpec<O, A>): CommandSpec<O, A> {
  return spec;
}

/** Any spec, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySpec = CommandSpec<any, any>;

/** `asOf` → `--as-of`; `color` (negated) → `--no-color`. */
export function longName(key: string, o: OptionSpec<unknown>): string {
  const kebab = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return o.negated ? `--no-${kebab}` : `--${kebab}`;
}

export function argName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Every option of a command: its own, then the global ones. */
export function allOptions(spec: AnySpec): [string, OptionSpec<unknown>][] {
  return [...Object.entries(spec.options as Options), ...Object.entries(GLOBAL_OPTIONS as Options)];
}

/** Raw strings (by option key, and the arguments in order) to the values a run receives. */
export function finishValues(spec: AnySpec, raw: { options: Record<string, string[]>; args: string[] }): { o: Record<string, unknown>; a: Record<string, unknown> } {
  const o: Record<string, unknown> = {};
  for (const [key, opt] of allOptions(spec)) o[key] = opt.finish(raw.options[key], longName(key, opt));
  const a: Record<string, unknown> = {};
  let i = 0;
  for (const [key, spec_] of Object.entries(spec.args as Args)) {
    const taken = spec_.variadic ? raw.args.slice(i) : raw.args.slice(i, i + 1);
    i += taken.length;
    a[key] = spec_.finish(taken, `${spec.name} <${argName(key)}>`);
  }
  return { o, a };
}
