import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, ROOT, runCli, tempDir } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

/** A PATH whose `treaty` is the built binary, as after an install, and a database to complete from. */
function withTreatyOnPath(seeded = true): Record<string, string> {
  const env = seeded ? envWithDb() : cleanEnv();
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
  // Completion reads a database, never makes one: this one is made by a command first.
  expect(runCli(['status', '--as-of', '2026-01-01'], env).code).toBe(0);

  it('completes commands, options and their values in bash', () => {
    expect(bashComplete(env, ['treaty', 'pa'])).toEqual(['participants', 'pace']);
    expect(bashComplete(env, ['treaty', 'par'])).toEqual(['participants']);
    expect(bashComplete(env, ['treaty', 'participants', '--st'])).toEqual(['--status']);
    expect(bashComplete(env, ['treaty', 'participants', '--format', 'n'])).toEqual(['ndjson']);
    expect(bashComplete(env, ['treaty', 'participants', '--kind', ''])).toEqual(['state', 'reio']);
    expect(bashComplete(env, ['treaty', '--treaty', 'han'])).toEqual(['hanoi']);
    expect(bashComplete(env, ['treaty', 'compare', 'hanoi', 'bud'])).toEqual(['budapest']);
    expect(bashComplete(env, ['treaty', 'db', 'ch'])).toEqual(['check']);
    expect(bashComplete(env, ['treaty', 'record', 'VN', 'rat'])).toEqual(['ratification']);
    expect(bashComplete(env, ['treaty', 'completion', 'f'])).toEqual(['fish']);
    expect(bashComplete(env, ['treaty', 'import', 'READ'])).toEqual(['README.md']);
    expect(bashComplete(env, ['treaty', '--db', 'READ'])).toEqual(['README.md']);
  });

  it('completes participant names wherever one is taken, quoted for the shell', () => {
    expect(bashComplete(env, ['treaty', 'history', 'Viet'])).toEqual(['Viet\\ Nam']);
    expect(bashComplete(env, ['treaty', 'history', 'Viet Nam', 'Côte'])).toEqual(["Côte\\ d\\'Ivoire"]);
    expect(bashComplete(env, ['treaty', '--treaty', 'hanoi', 'history', 'Iran'])).toEqual(['Iran\\ \\(Islamic\\ Republic\\ of\\)']);
    expect(bashComplete(env, ['treaty', 'record', 'Viet'])).toEqual(['Viet\\ Nam']);
    expect(bashComplete(env, ['treaty', 'remove', 'Viet'])).toEqual(['Viet\\ Nam']);
    expect(bashComplete(env, ['treaty', 'what-if', '--deposit', 'Viet'])).toEqual(['Viet\\ Nam']);
    // The third word of record is a date: nothing to offer.
    expect(bashComplete(env, ['treaty', 'record', 'VN', 'ratification', '2'])).toEqual([]);
  });

  it('never creates a database, and offers nothing without one', () => {
    const bare = withTreatyOnPath(false);
    expect(bashComplete(bare, ['treaty', 'history', 'Viet'])).toEqual([]);
    expect(runCli(['__complete', 'participants'], bare)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(bare.TREATY_DB!)).toBe(false);
  });

  it('treats names from the database as text: an alias "$(touch FILE)" is offered, never run', () => {
    const hostile = withTreatyOnPath();
    expect(runCli(['status', '--as-of', '2026-01-01'], hostile).code).toBe(0);
    const marker = join(hostile.HOME!, 'ran');
    const alias = `att$(touch ${marker})\`touch ${marker}\``;
    const added = runCli(['add', join(ROOT, 'test', 'fixtures', 'mtdsg', 'XXVI-8.en.xml'), '--threshold', '50', '--days', '90', '--alias', alias, '--snapshot-date', '2018-01-15'], hostile);
    expect(added.code, added.stderr).toBe(0);
    const offered = bashComplete(hostile, ['treaty', '--treaty', 'att']);
    expect(offered).toHaveLength(1);
    expect(execFileSync('bash', ['-c', `printf '%s' ${offered[0]}`], { encoding: 'utf8' })).toBe(alias);
    expect(bashComplete(hostile, ['treaty', 'compare', 'att'])).toEqual(offered);
    expect(existsSync(marker)).toBe(false);
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

  it('lists every command and every option of the specs in each script', async () => {
    const { COMMANDS } = await import('../../src/cli.js');
    const { allOptions, longName } = await import('../../src/options-spec.js');
    for (const shell of ['bash', 'fish']) {
      const script = (await runMain(['completion', shell], env)).stdout;
      for (const spec of COMMANDS.filter((s) => !s.hidden)) {
        for (const word of spec.name.split(' ')) expect(script, `${shell}: ${spec.name}`).toContain(word);
        for (const [key, o] of allOptions(spec)) expect(script, `${shell}: ${spec.name} ${key}`).toContain(shell === 'fish' ? `-l ${longName(key, o).slice(2)}` : longName(key, o));
      }
    }
  });

  it('says where to install the scripts under $XDG_DATA_HOME', async () => {
    const help = (await runMain(['completion', '--help'], env)).stdout;
    expect(help).toContain('${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion/completions/treaty');
  });

  it('rejects an unknown shell with exit 2', async () => {
    expect((await runMain(['completion', 'powershell'], env))).toEqual({ code: 2, stdout: '', stderr: 'error: completion <shell>: expected one of bash, zsh, fish, got "powershell"\n' });
  });
});
