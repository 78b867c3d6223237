// Prose fitted to the terminal: a history's "No action recorded" line, errors and hints when stderr
// is the terminal (as warnings are), and the top-level help with its examples and notes.
import { describe, expect, it } from 'vitest';
import { cleanEnv } from '../helpers/run-cli.js';
import { overwide } from './checks.js';
import { runInPty } from './pty.js';

const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('wrapped to the terminal', () => {
  it("history's line for a participant with no dated action, at 60 columns", async () => {
    const r = await runInPty(['history', 'Serbia', '--treaty', 'budapest', '--as-of', '2026-11-23'], 60, cleanEnv());
    expect(r.code, r.stderr).toBe(0);
    const shown = plain(r.stdout);
    expect(shown).toContain('  No action recorded: the dates of its actions are not found\n  in any source.\n');
    expect(overwide(shown, 60)).toEqual([]);
  });

  it('an error and its hint, when stderr is the terminal, under a hanging indent', async () => {
    const r = await runInPty(['drop', 'budapest'], 60, cleanEnv(), { stderr: 'terminal' });
    expect(r.code).toBe(2);
    const lines = plain(r.stdout).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error: treaty drop ets185 would remove ets185/);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.at(-1)).toBe('hint: give --yes to remove it: treaty drop ets185 --yes');
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^  \S/);
    expect(overwide(lines.join('\n'), 60)).toEqual([]);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('0 kept checks; nothing was removed hint:');
  });

  it('an error stays one line when stderr is a file, even with stdout on the terminal', async () => {
    const r = await runInPty(['drop', 'budapest'], 60, cleanEnv());
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(3);
  });

  it.each([80, 60])('the top-level help at %i columns: summaries, notes and examples', async (cols) => {
    const r = await runInPty(['--help'], cols, cleanEnv());
    expect(r.code).toBe(0);
    // A single shell word longer than the line (a completion path) is the one thing that may not fit.
    const tooWide = overwide(r.stdout, cols).filter((l) => !/^\d+ cells: " {6}\S+"$/.test(l));
    expect(tooWide).toEqual([]);
    expect(r.stdout).toMatch(/^ {2}\$ treaty record "Viet Nam" ratification 2026-06-15 (--source )?\\$/m);
  });

  it('a command help at 80 columns, its long example broken between shell words', async () => {
    const r = await runInPty(['record', '--help'], 80, cleanEnv());
    expect(r.code).toBe(0);
    expect(overwide(r.stdout, 80)).toEqual([]);
    expect(r.stdout).toContain('  $ treaty record "Viet Nam" ratification 2026-06-15 --source \\\n      https://treaties.un.org/ --reference C.N.123.2026.TREATIES-XVIII.16\n');
  });
});
