// Every command's --help shows at least two examples, and each is a command line the tool accepts:
// read by the same parsers as any other, every value well-formed.
import { describe, expect, it } from 'vitest';
import { COMMANDS, GROUPS } from '../../src/cli.js';
import { fastParse, type RawCommandLine } from '../../src/options-argv.js';
import { commanderRun } from '../../src/options-commander.js';
import { finishValues } from '../../src/options-spec.js';
import { fakeIo } from '../helpers/fake-io.js';
// @ts-expect-error: a plain script, without types
import { shellWords } from '../../scripts/readme.mjs';

/** The treaty command of an example: after any VAR=value, before a pipe or a redirection. */
function argvOf(line: string): string[] {
  const words = shellWords(line.split(/\s[|>]\s?/)[0]!) as string[];
  while (/^[A-Z_]+=/.test(words[0] ?? '')) words.shift();
  expect(words[0]).toBe('treaty');
  return words.slice(1);
}

describe.each(COMMANDS.map((s) => [s.name, s] as const))('the examples of %s', (_name, spec) => {
  it('are at least two, each with what it answers', () => {
    expect(spec.examples.length).toBeGreaterThanOrEqual(2);
    for (const [line, what] of spec.examples) expect([line.startsWith('treaty ') || /^[A-Z_]+=\S+ treaty /.test(line), what.length > 5]).toEqual([true, true]);
  });

  it.each(spec.examples.map(([line]) => [line]))('%s: accepted, every value well-formed', async (line) => {
    const argv = argvOf(line);
    let raw: RawCommandLine | undefined = fastParse(argv, COMMANDS, new Set(Object.keys(GROUPS)));
    if (!raw) {
      await commanderRun(argv, { specs: COMMANDS, groups: GROUPS, version: '0', epilogue: '' }, fakeIo({}), async (r) => {
        raw = r;
      });
    }
    expect(raw?.spec.name).toBe(spec.name);
    expect(() => finishValues(raw!.spec, raw!)).not.toThrow();
  });
});
