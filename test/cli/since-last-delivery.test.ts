// changes --since-last moves its marker only once its output has been written: a reader that goes
// away, or a disk that fills, leaves the sets for the next call (issue 17, item 1).
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Sink } from '../../src/ui/sink.js';
import { memorySink, runMain as run } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

/** stdout that fails on its first write as fdSink does: closed, with the error's code. */
function failingSink(code: string): () => Sink {
  return () => {
    let failure: string | undefined;
    return {
      get closed() {
        return failure !== undefined;
      },
      get failure() {
        return failure;
      },
      write() {
        failure = code;
      },
    };
  };
}

describe('changes --since-last when its output fails', () => {
  it.each([
    ['a reader that goes away', failingSink('EPIPE'), /^error: the reader closed the pipe before the output was all written; nothing was marked as seen: the next --since-last reports the same sets\n$/],
    ['a full disk', failingSink('ENOSPC'), /^nothing was marked as seen: the next --since-last reports the same sets\nerror: cannot write the output: no space left on the device\n$/],
  ])('after %s exits non-zero and reports the same sets next time', async (_what, sink, said) => {
    const env = envWithDb('bundled');
    expect((await run(['record', 'Qatar', 'ratification', '2026-02-10', '--source', 'https://example.org/q'], env)).code).toBe(0);
    const err = memorySink();
    const code = await main(['changes', '--since-last', '--json'], { out: sink(), err, isTTY: false, columns: undefined, env });
    expect(code).toBe(1);
    expect(err.text).toMatch(said);
    const next = await run(['changes', '--since-last', '--json'], env);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout).map((s: { command: string }) => s.command)).toEqual(['treaty record Qatar ratification 2026-02-10 --source https://example.org/q']);
    expect((await run(['changes', '--since-last', '--json'], env)).code).toBe(3);
  });
});
