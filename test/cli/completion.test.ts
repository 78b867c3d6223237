import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, runCli, tempDir } from '../helpers/run-cli.js';

/** A PATH whose `treaty` is the built binary, as after an install. */
function withTreatyOnPath(): Record<string, string> {
  const env = cleanEnv();
  const bin = join(env.HOME!, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'treaty'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  return { ...env, PATH: `${bin}:${env.PATH}`, LC_ALL: 'C.UTF-8' };
}

function bashComplete(env: Record<string, string>, words: string[]): string[] {
  const script = `source <(treaty completion bash)
COMP_WORDS=(${words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_treaty; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', script], { env, encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('treaty completion', () => {
  const env = withTreatyOnPath();

  it('completes commands, options and their values in bash', () => {
    expect(bashComplete(env, ['treaty', 'pa'])).toEqual(['participants', 'pace']);
    expect(bashComplete(env, ['treaty', 'par'])).toEqual(['participants']);
    expect(bashComplete(env, ['treaty', 'participants', '--st'])).toEqual(['--status']);
    expect(bashComplete(env, ['treaty', 'participants', '--format', 'n'])).toEqual(['ndjson']);
    expect(bashComplete(env, ['treaty', '--treaty', 'han'])).toEqual(['hanoi']);
  });

  it('completes participant names for history, quoted for the shell', () => {
    expect(bashComplete(env, ['treaty', 'history', 'Viet'])).toEqual(['Viet\\ Nam']);
    expect(bashComplete(env, ['treaty', 'history', 'Côte'])).toEqual(["Côte\\ d\\'Ivoire"]);
    expect(bashComplete(env, ['treaty', '--treaty', 'hanoi', 'history', 'Iran'])).toEqual(['Iran\\ \\(Islamic\\ Republic\\ of\\)']);
  });

  it('prints scripts that parse in every shell on this machine', () => {
    const dir = tempDir();
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = runCli(['completion', shell], env);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      const file = join(dir, `treaty.${shell}`);
      writeFileSync(file, r.stdout);
      const check = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
      if (check.error && (check.error as NodeJS.ErrnoException).code === 'ENOENT' && shell !== 'bash') continue;
      expect(check.status, `${shell}: ${check.stderr}`).toBe(0);
    }
  });

  it('rejects an unknown shell with exit 2', () => {
    expect(runCli(['completion', 'powershell'], env)).toEqual({ code: 2, stdout: '', stderr: 'error: completion: expected one of bash, zsh, fish, got "powershell"\n' });
  });
});
