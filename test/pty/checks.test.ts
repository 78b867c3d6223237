// The checks themselves, on what cli-table3 printed into a 100-column terminal before this project
// drew its own tables (captured under `script`, first 12 lines): each check must see what was wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badEscapes, overwide, splitWords } from './checks.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixture', name), 'utf8');
const before = fixture('cli-table3-participants-100.txt');
const full = fixture('participants-signed-piped.txt');

describe('the pty checks', () => {
  it('see escape codes cut in half and printed as text', () => {
    expect(badEscapes(before).join('\n')).toMatch(/broken escape|escape printed as text/);
  });
  it('see words and dates split across lines', () => {
    const split = splitWords(before, full);
    expect(split).toEqual(expect.arrayContaining(['Australi', '2025-10-', 'un_g', 'ent_type']));
  });
  it('see lines wider than the terminal (eleven columns at their 8-cell floor do not fit in 100)', () => {
    expect(overwide(before, 100)[0]).toMatch(/^113 cells: /);
  });
  it('pass the full table as it is', () => {
    expect(badEscapes(full)).toEqual([]);
    expect(splitWords(full, full)).toEqual([]);
  });
});
