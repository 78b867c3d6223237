// The README shows what an 80-column terminal shows: its console blocks of tables and prose are
// made by scripts/readme-console.mjs through a pty, and this fails when they drift from the tool.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

it('the README console blocks are what the tool prints at 80 columns', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'readme-console.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 60_000);
