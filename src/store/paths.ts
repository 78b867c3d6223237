import { createRequire } from 'node:module';
import { join } from 'node:path';

/** node:os is loaded only when $HOME does not say (every start would load it, for a line most never reach). */
function homedir(): string {
  return (createRequire(import.meta.url)('node:os') as typeof import('node:os')).homedir();
}

/** Where the database lives: --db, else TREATY_DB, else the user data directory. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv, platform = process.platform): { path: string; isDefault: boolean } {
  if (flag) return { path: flag, isDefault: false };
  if (env.TREATY_DB) return { path: env.TREATY_DB, isDefault: false };
  return { path: join(userDataDir(env, platform), 'treaty', 'treaty.db'), isDefault: true };
}

function userDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32') return env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
}
