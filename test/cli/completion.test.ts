import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

/** A PATH whose `treaty` is the built binary, as after an install, and a database to complete from. */
function withTreatyOnPath(): Record<string, string> {
  const env = envWithDb();
  const bin = join(env.HOME!, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'treaty'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  return { ...env, PATH: `${bin}:${env.PATH}`, LC_ALL: 'C.UTF-8' };
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
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

  // bash is required; zsh and fish are checked where they are installed, and reported as skipped elsewhere.
  for (const shell of ['bash', 'zsh', 'fish']) {
    it.skipIf(shell !== 'bash' && !onPath(shell))(`prints a ${shell} script that ${shell} -n parses`, async () => {
      const r = await runMain(['completion', shell], env);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      const file = join(tempDir(), `treaty.${shell}`);
      writeFileSync(file, r.stdout);
      const check = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
      expect(check.error).toBeUndefined();
      expect(check.status, `${shell}: ${check.stderr}`).toBe(0);
    });
  }

  it('rejects an unknown shell with exit 2', async () => {
    expect(await runMain(['completion', 'powershell'], env)).toEqual({ code: 2, stdout: '', stderr: 'error: completion: expected one of bash, zsh, fish, got "powershell"\n' });
  });
});
