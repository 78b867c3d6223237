// Bad input, walked from the specs: every option and argument that takes a value, on every command,
// given a malformed value, gets one line naming it, exit 2, and the database is left as it was.
// A new option is walked as soon as it is declared.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../src/cli.js';
import { argName, GLOBAL_OPTIONS, longName, type AnySpec, type ArgSpec, type OptionSpec } from '../../src/options-spec.js';
import { fingerprint } from '../helpers/files.js';
import { fakeIo } from '../helpers/fake-io.js';
import { tempDir } from '../helpers/run-cli.js';

const home = tempDir();
const env = { HOME: home, TREATY_DB: join(home, 'treaty.db'), TZ: 'UTC' };
let before: string | null = null;

beforeAll(async () => {
  expect(await main(['status', '--as-of', '2026-01-01'], fakeIo(env))).toBe(0);
  before = fingerprint(env.TREATY_DB);
});

interface Case {
  what: string;
  argv: string[];
  names: string;
  value: string;
}

function cases(spec: AnySpec): Case[] {
  const name = spec.name.split(' ');
  const args = Object.entries(spec.args) as [string, ArgSpec<unknown>][];
  const options = Object.entries(spec.options) as [string, OptionSpec<unknown>][];
  const good = args.filter(([, a]) => !a.optional).map(([, a]) => a.value.sample);
  const mandatory = options.filter(([, o]) => o.required).flatMap(([k, o]) => [longName(k, o), o.value!.sample]);
  const out: Case[] = [];
  for (const [key, o] of [...options, ...Object.entries(GLOBAL_OPTIONS)] as [string, OptionSpec<unknown>][]) {
    if (!o.value) continue; // a flag takes no value to get wrong
    const long = longName(key, o);
    out.push({ what: long, argv: [...name, ...good, ...mandatory, long, o.value.malformed], names: long, value: o.value.malformed });
  }
  args.forEach(([key, a], i) => {
    const given = [...good];
    given[i] = a.value.malformed;
    out.push({ what: `<${argName(key)}>`, argv: [...name, ...given, ...mandatory], names: `<${argName(key)}>`, value: a.value.malformed });
  });
  return out;
}

const all = COMMANDS.flatMap((spec) => cases(spec).map((c) => [`${spec.name} ${c.what} ${JSON.stringify(c.value)}`, c] as const));

describe('a malformed value', () => {
  it('is tried on every option and argument that takes one', () => {
    expect(all.length).toBeGreaterThan(COMMANDS.length * 4);
  });

  it.each(all)('%s: exit 2, one line naming it, nothing stored', async (_title, c) => {
    const io = fakeIo(env);
    const code = await main(c.argv, io);
    expect({ code, stdout: io.stdout() }).toEqual({ code: 2, stdout: '' });
    const lines = io.stderr().split('\n');
    expect(lines.length, io.stderr()).toBe(2);
    expect(lines[0]).toContain(c.names);
    expect(lines[0]).toContain(`"${c.value}"`);
    expect(lines[0]).toMatch(/^error: \S.*: expected /);
    expect(fingerprint(env.TREATY_DB)).toBe(before);
  });
});
