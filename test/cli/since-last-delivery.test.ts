// changes --since-last moves its marker only once its output has been written: a reader that goes
// away, or a disk that fills, leaves the sets for the next call (issue 17, item 1).
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Sink } from '../../src/ui/sink.js';
import { memorySink, runMain as run } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

/** stdout whose reader goes away after the first chunk, as `| head -c 1` would do. */
function closingSink(): Sink {
  let closed = false;
  return {
    get closed() {
      return closed;
    },
    write() {
      closed = true;
    },
  };
}

/** stdout on a full disk. */
function fullSink(): Sink {
  return {
    closed: false,
    write() {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  };
}

describe('changes --since-last when its output fails', () => {
  it.each([
    ['a reader that goes away', closingSink],
    ['a full disk', fullSink],
  ])('after %s exits non-zero and reports the same sets next time', async (_what, sink) => {
    const env = envWithDb('bundled');
    expect((await run(['record', 'Qatar', 'ratification', '2026-02-10', '--source', 'https://example.org/q'], env)).code).toBe(0);
    const err = memorySink();
    const code = await main(['changes', '--since-last', '--json'], { out: sink(), err, isTTY: false, columns: undefined, env });
    expect(code).toBe(1);
    expect(err.text).toMatch(/^error: /);
    const next = await run(['changes', '--since-last', '--json'], env);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout).map((s: { command: string }) => s.command)).toEqual(['treaty record Qatar ratification 2026-02-10 --source https://example.org/q']);
    expect((await run(['changes', '--since-last', '--json'], env)).code).toBe(3);
  });
});
