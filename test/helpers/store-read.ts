// A treaty's stored definition, read straight from a test's database file (read-only).
import { createRequire } from 'node:module';
import type { TreatyDefinition } from '../../src/domain/model.js';

export function openStoreForTest(path: string, treaty: string): TreatyDefinition {
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT definition FROM treaties WHERE id = ?').get(treaty) as { definition: string } | undefined;
    if (!row) throw new Error(`no treaty ${treaty} in ${path}`);
    return JSON.parse(row.definition) as TreatyDefinition;
  } finally {
    db.close();
  }
}
