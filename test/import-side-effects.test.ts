// Loading a module must do nothing: no output, no handlers, no database. Only running a command acts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const modules = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join('src', f));

describe('importing a module', () => {
  it.each(modules)('%s has no side effects', async (file) => {
    // Test files share their worker's modules (vitest.config.ts): forget them, so this import runs
    // the module's top level again instead of finding it loaded by an earlier file.
    vi.resetModules();
    const write = vi.spyOn(process.stdout, 'write');
    const exitListeners = process.listenerCount('exit');
    await import(`../${file}`);
    expect(write).not.toHaveBeenCalled();
    expect(process.listenerCount('exit')).toBe(exitListeners);
    write.mockRestore();
  });
});
