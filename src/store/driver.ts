// The SQLite driver, loaded only when a command opens the database. It is a bundle of its own, with
// better-sqlite3's JavaScript inside it: left to node_modules, its dozen files cost a read command
// about 8 ms of resolving and reading. Its compiled addon stays a file, named by path.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Connection = Database.Database;

let addon: { nativeBinding: string } | undefined;
/**
 * The compiled addon, named directly: left to itself better-sqlite3 asks the `bindings` package to
 * search a dozen places for it, about 7 ms of every start. When it is not where npm builds it, that
 * search runs, from better-sqlite3's own folder (bundled, the driver no longer lives there).
 */
function nativeBinding(): { nativeBinding: string } {
  if (addon === undefined) {
    const home = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
    const built = join(home, 'build', 'Release', 'better_sqlite3.node');
    if (existsSync(built)) {
      addon = { nativeBinding: built };
    } else {
      const bindings = createRequire(join(home, 'package.json'))('bindings') as (o: { bindings: string; module_root: string; path: true }) => string;
      addon = { nativeBinding: bindings({ bindings: 'better_sqlite3.node', module_root: home, path: true }) };
    }
  }
  return addon;
}

/** A connection to a database file, or to a database image in memory (a Buffer). */
export function connectSqlite(source: string | Buffer, options: { readonly?: boolean; fileMustExist?: boolean; timeout?: number }): Connection {
  return new Database(source, { ...options, ...nativeBinding() });
}
