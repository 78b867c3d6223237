import { homedir } from 'node:os';
import { join } from 'node:path';

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
