// Only src/store holds SQL (issue 16): no command prepares a statement, sets a pragma or reaches
// the database handle, so every write goes through store.write and its change set.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the SQL boundary', () => {
  it('no file outside src/store prepares SQL, sets a pragma or touches store.db', () => {
    const outside = sources(join(ROOT, 'src')).filter((f) => !relative(join(ROOT, 'src'), f).startsWith('store/'));
    expect(outside.length).toBeGreaterThan(20);
    const found = outside.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\.prepare\(|\.pragma\(|\bstore\.db\b|\.exec\(\s*['"`]\s*(CREATE|INSERT|SELECT|UPDATE|DELETE|BEGIN|COMMIT|PRAGMA|DROP|ALTER)/i.test(line) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
