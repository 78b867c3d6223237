// vitest globalSetup: seeds each template database once per run, in this process, the way a first
// use seeds one. Tests copy them (envWithDb in seeded-db.ts) instead of seeding their own.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { FIXTURE_DATA, runMain } from './run-main.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templates: { bundled: string; fixture: string };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'treaty-test-run-'));
  // Every temporary folder of the run goes in here (tempDir), so the teardown leaves nothing in /tmp.
  // Others may pass through it: some tests run a command as nobody.
  chmodSync(dir, 0o711);
  process.env.TREATY_TEST_TMPDIR = dir;
  const make = async (name: string, extra: Record<string, string>) => {
    const db = join(dir, `${name}.db`);
    const r = await runMain(['treaties', '--as-of', '2026-01-01', '--json'], { PATH: process.env.PATH ?? '', HOME: dir, TREATY_DB: db, TZ: 'UTC', ...extra });
    if (r.code !== 0 || r.stderr !== '') throw new Error(`seeding the ${name} template failed (${r.code}): ${r.stderr}`);
    return db;
  };
  project.provide('templates', { bundled: await make('bundled', {}), fixture: await make('fixture', { TREATY_DATA_DIR: FIXTURE_DATA }) });
  return () => rmSync(dir, { recursive: true, force: true });
}
