// One parser: the fast path (src/options-argv.ts) reads plain command lines from the specs, and
// commander reads the rest. For command lines made from every spec, both accept the same ones with
// the same values, and both refuse the same ones.
import { describe, expect, it } from 'vitest';
import { COMMANDS, GROUPS } from '../../src/cli.js';
import { fastParse, type RawCommandLine } from '../../src/options-argv.js';
import { commanderRun } from '../../src/options-commander.js';
import { GLOBAL_OPTIONS, longName, type AnySpec, type ArgSpec, type OptionSpec } from '../../src/options-spec.js';
import { fakeIo } from '../helpers/fake-io.js';

const program = { specs: COMMANDS, groups: GROUPS, version: '0.0.0-test', epilogue: '' };
const groups = new Set(Object.keys(GROUPS));

async function viaCommander(argv: string[]): Promise<RawCommandLine | undefined> {
  let seen: RawCommandLine | undefined;
  await commanderRun(argv, program, fakeIo({}), async (raw) => {
    seen = raw;
  });
  return seen;
}

const same = (raw: RawCommandLine | undefined) => raw && { name: raw.spec.name, options: raw.options, args: raw.args };

function linesFor(spec: AnySpec): { plain: string[][]; odd: string[][] } {
  const name = spec.name.split(' ');
  const args = Object.values(spec.args) as ArgSpec<unknown>[];
  const required = args.filter((a) => !a.optional).map((a) => a.value.sample);
  const options = Object.entries(spec.options) as [string, OptionSpec<unknown>][];
  const mandatory = options.filter(([, o]) => o.required).flatMap(([k, o]) => [longName(k, o), o.value!.sample]);
  const base = [...name, ...required, ...mandatory];
  const plain: string[][] = [base, ['--as-of', '2026-01-01', ...base], [...base, '--no-color', '--db', 't.db']];
  for (const [key, o] of [...options, ...Object.entries(GLOBAL_OPTIONS)] as [string, OptionSpec<unknown>][]) {
    const long = longName(key, o);
    if (o.value) {
      plain.push([...base, long, o.value.sample], [...base, `${long}=${o.value.sample}`], [...base, long, o.value.sample, long, o.value.malformed]);
      plain.push([...base, long]); // a value missing
      plain.push([...base, `${long}=`]);
    } else {
      plain.push([...base, long], [...base, long, long], [...base, `${long}=yes`]);
    }
  }
  if (args.length) plain.push(base.slice(0, name.length + required.length - 1)); // an argument missing
  if (!args.some((a) => a.variadic)) plain.push([...base, 'extra']);
  else plain.push([...base, 'more', 'and more']);
  plain.push([...base, '--no-such-option'], [...name.slice(0, -1), 'no-such-command'], [...base, '-x'], ['--json', ...base]);
  plain.push([...base, '-h'], [...base, '--help'], [...name, '--version']);
  // Shapes the fast path leaves to commander, which may accept them: it must then agree when it does.
  const odd = [[...base, '--'], [...base, '--', '--json'], [...base, '-1'], [...base, '--db', '--json'], ['help', ...name]];
  return { plain, odd };
}

describe('the fast path and commander read command lines alike', () => {
  it.each(COMMANDS.map((s) => [s.name, s] as const))('for %s', async (_name, spec) => {
    const { plain, odd } = linesFor(spec);
    let accepted = 0;
    for (const argv of plain) {
      const fast = fastParse(argv, COMMANDS, groups);
      const slow = await viaCommander(argv);
      expect(same(fast), JSON.stringify(argv)).toEqual(same(slow));
      if (fast) accepted += 1;
    }
    for (const argv of odd) {
      const fast = fastParse(argv, COMMANDS, groups);
      if (fast) expect(same(fast), JSON.stringify(argv)).toEqual(same(await viaCommander(argv)));
    }
    // Every spec has command lines of both kinds, so both halves of the claim are exercised.
    expect(accepted).toBeGreaterThan(3);
    expect(accepted).toBeLessThan(plain.length);
  });
});
