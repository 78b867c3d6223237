// What a person would see go wrong in a terminal, as checks on the text a pty received.
import { cellWidth } from '../../src/ui/cells.js';

/** Lines wider than the terminal, with their width. */
export function overwide(text: string, cols: number): string[] {
  return text.split('\n').filter((l) => cellWidth(l) > cols).map((l) => `${cellWidth(l)} cells: ${JSON.stringify(l)}`);
}

const SGR_OFF: Record<string, string> = { '1': '22', '2': '22', '3': '23', '4': '24', '7': '27' };
const offCode = (on: string) => SGR_OFF[on] ?? (Number(on) >= 40 && Number(on) <= 49 ? '49' : '39');

/**
 * Escape sequences that are not whole SGR codes (a split code prints as "[22m"), a stray carriage
 * return, and lines that end with a style still on (colour that leaks into the next line or the prompt).
 */
export function badEscapes(text: string): string[] {
  const problems: string[] = [];
  for (const line of text.split('\n')) {
    if (line.includes('\r')) problems.push(`carriage return in ${JSON.stringify(line)}`);
    const rest = line.replace(/\x1b\[[0-9;]*m/g, '');
    if (rest.includes('\x1b')) problems.push(`broken escape in ${JSON.stringify(line)}`);
    if (/\[[0-9;]*m/.test(rest.replace(/\x1b\[[0-9;]*m/g, ''))) problems.push(`escape printed as text in ${JSON.stringify(line)}`);
    const open = new Set<string>();
    for (const m of line.matchAll(/\x1b\[([0-9;]*)m/g)) {
      for (const code of (m[1] || '0').split(';')) {
        if (code === '0') {
          open.clear();
        } else if (['22', '23', '24', '27', '39', '49'].includes(code)) {
          for (const o of [...open]) if (offCode(o) === code) open.delete(o);
        } else {
          open.add(code);
        }
      }
    }
    if (open.size > 0) problems.push(`style ${[...open].join(',')} still on at the end of ${JSON.stringify(line)}`);
  }
  return problems;
}

const SEPARATORS = /[\s│┌┐└┘├┤┬┴┼─█░•┤]+/u;

function tokens(text: string): string[] {
  return text
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split(SEPARATORS)
    .map((t) => t.replace(/^[("'“]+|[)"'”,.;:]+$/g, ''))
    .filter((t) => t !== '');
}

/**
 * Words of the terminal's text that are not words of the full text (the same command piped): a word,
 * a date or a code cut in two by a line break. A word shortened with "…" must be the start of a word.
 */
export function splitWords(shown: string, full: string): string[] {
  const known = new Set(tokens(full));
  const all = [...known];
  return tokens(shown).filter((t) => {
    if (known.has(t)) return false;
    if (t.endsWith('…')) {
      const start = t.slice(0, -1).replace(/[)"'”,.;:]+$/, '');
      return !all.some((k) => k.startsWith(start));
    }
    return true;
  });
}

/** The column names in a table's heading row (the first row that starts with │). */
export function headings(text: string): string[] {
  const row = text.replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((l) => l.startsWith('│'));
  return row ? row.split('│').map((c) => c.trim()).filter((c) => c !== '') : [];
}
