// The README's tables of commands and options, written from the specs (scripts/readme.mjs puts them
// in place, and a test fails when the README holds other ones). Markdown, no terminal involved.
import { COMMANDS } from './cli.js';
import { GLOBAL_OPTIONS, LIST_OPTIONS, argName, longName, type AnySpec, type ArgSpec, type OptionSpec } from './options-spec.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text.replace(/\|/g, '\\|')}\``;

function usage(spec: AnySpec): string {
  const args = (Object.entries(spec.args) as [string, ArgSpec<unknown>][]).map(([key, a]) => {
    const name = `${argName(key)}${a.variadic ? '...' : ''}`;
    return a.optional ? `[${name}]` : `<${name}>`;
  });
  return ['treaty', spec.name, ...args].join(' ');
}

/** Every command, with what it answers. */
export function commandTable(specs: readonly AnySpec[] = COMMANDS): string {
  const rows = specs.filter((s) => !s.hidden).map((s) => `| ${code(usage(s))} | ${cell(s.summary)} |`);
  return ['| command | what it answers |', '|---|---|', ...rows].join('\n');
}

function what(opt: OptionSpec<unknown>): string {
  if (!opt.value) return 'flag';
  const many = opt.many === 'list' ? ', comma-separated or repeated' : opt.many === 'repeat' ? ', repeatable' : '';
  const choices = opt.value.choices ? `: ${opt.value.choices.map((c) => code(c)).join(', ')}` : '';
  return `${opt.value.kind}${choices}${many}${opt.required ? ', required' : ''}`;
}

function optionRows(entries: [string, OptionSpec<unknown>][]): string[] {
  return entries.map(([key, o]) => `| ${code(`${longName(key, o)}${o.placeholder ? ` ${o.placeholder}` : ''}`)} | ${cell(what(o))} | ${cell(o.help)} |`);
}

const HEAD = ['| option | takes | meaning |', '|---|---|---|'];
const SHARED = new Set(Object.keys(LIST_OPTIONS));

/** The options every command takes, and the output options of every command that prints a result. */
export function globalOptionTable(): string {
  return [...HEAD, ...optionRows(Object.entries(GLOBAL_OPTIONS)), ...optionRows(Object.entries(LIST_OPTIONS))].join('\n');
}

/** One command's own options (the output options are in the global table). */
export function optionTable(name: string, specs: readonly AnySpec[] = COMMANDS): string {
  const spec = specs.find((s) => s.name === name);
  if (!spec) throw new Error(`no command "${name}"`);
  const own = (Object.entries(spec.options) as [string, OptionSpec<unknown>][]).filter(([key]) => !SHARED.has(key));
  const shared = (Object.keys(spec.options) as string[]).filter((k) => SHARED.has(k)).map((k) => `--${k}`);
  const tail = shared.length ? `\n\nAnd ${shared.map((s) => code(s)).join(', ')}.` : '';
  if (own.length === 0) return `No options of its own.${tail}`;
  return `${[...HEAD, ...optionRows(own)].join('\n')}${tail}`;
}

/** Every command's usage line and own options, one after the other. */
export function allOptionTables(specs: readonly AnySpec[] = COMMANDS): string {
  return specs
    .filter((s) => !s.hidden)
    .map((s) => `#### ${s.name}\n\n${code(usage(s))}: ${cell(s.summary)}.\n\n${optionTable(s.name, specs)}`)
    .join('\n\n');
}
