// The command line read straight from the specs, so that a command that runs needs no commander
// (loading and declaring it is a fifth of a read command's start-up). It reads the plain shapes
// (`cmd ARG --opt VALUE --opt=VALUE --flag`, global options anywhere) and gives up on everything else:
// help, versions, `--`, short options, values that look like options, and every mistake. Commander
// then reads that command line and says what is wrong. test/cli/parse-agreement.test.ts proves that
// whatever this accepts, commander accepts with the same values.
import { GLOBAL_OPTIONS, longName, type AnySpec, type OptionSpec } from './options-spec.js';

export interface RawCommandLine {
  spec: AnySpec;
  /** Every value given, in order, by option key; a flag given has []. */
  options: Record<string, string[]>;
  args: string[];
}

const looksLikeOption = (s: string) => s.length > 1 && s[0] === '-';

export function fastParse(argv: readonly string[], specs: readonly AnySpec[], groups: ReadonlySet<string>): RawCommandLine | undefined {
  const globals = table(Object.entries(GLOBAL_OPTIONS));
  let known = globals;
  let spec: AnySpec | undefined;
  let group: string | undefined;
  const options: Record<string, string[]> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (looksLikeOption(word)) {
      if (!word.startsWith('--') || word === '--') return undefined;
      const eq = word.indexOf('=');
      const found = known.get(eq < 0 ? word : word.slice(0, eq));
      if (!found) return undefined;
      const [key, opt] = found;
      const list = (options[key] ??= []);
      if (opt.value === undefined) {
        if (eq >= 0) return undefined;
        continue;
      }
      const value = eq >= 0 ? word.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && looksLikeOption(value))) return undefined;
      list.push(value);
    } else if (spec) {
      positional.push(word);
    } else {
      const name = group === undefined ? word : `${group} ${word}`;
      if (group === undefined && groups.has(word)) {
        group = word;
        continue;
      }
      spec = specs.find((s) => s.name === name);
      if (!spec) return undefined;
      known = new Map([...table(Object.entries(spec.options)), ...globals]);
    }
  }
  if (!spec) return undefined;
  const declared = Object.values(spec.args) as { variadic: boolean; optional: boolean }[];
  const least = declared.filter((a) => !a.optional).length;
  const most = declared.some((a) => a.variadic) ? Infinity : declared.length;
  if (positional.length < least || positional.length > most) return undefined;
  for (const [key, opt] of Object.entries(spec.options) as [string, OptionSpec<unknown>][]) if (opt.required && !options[key]) return undefined;
  return { spec, options, args: positional };
}

function table(entries: [string, OptionSpec<unknown>][]): Map<string, [string, OptionSpec<unknown>]> {
  return new Map(entries.map(([key, opt]) => [longName(key, opt), [key, opt]]));
}
