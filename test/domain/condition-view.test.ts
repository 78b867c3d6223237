// A condition in words on a terminal: the status view wraps a long list of missing names at words,
// so no line is wider than the terminal, and piped it stays one line.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { treatyStatus } from '../../src/domain/status.js';
import { wrapWords } from '../../src/formats/condition-view.js';
import { statusView } from '../../src/formats/status-view.js';
import { PLAIN } from '../../src/ui/style.js';
import { UN_RULE, action, makeTreaty, participantMap, state } from './fixtures.js';

describe('wrapWords', () => {
  it('breaks only between words, keeps every word, and no line passes the width unless one word does', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z(),']{1,30}$/), { minLength: 1, maxLength: 60 }), fc.integer({ min: 20, max: 120 }), (words, width) => {
        const text = words.join(' ');
        const lines = wrapWords(text, width);
        expect(lines.join(' ')).toBe(text);
        for (const line of lines) expect(line.length <= width || !line.includes(' ')).toBe(true);
      }),
    );
  });
});

describe('the status view of a named list', () => {
  const names = ["Democratic People's Republic of Korea", 'Iran (Islamic Republic of)', 'United Kingdom of Great Britain and Northern Ireland', 'United States of America', 'Bolivia (Plurinational State of)', 'Venezuela (Bolivarian Republic of)'];
  const listed = names.map((name, i) => state(`L${String.fromCharCode(65 + i)}A`, [], name));
  const treaty = makeTreaty({ rule: { ...UN_RULE, threshold: 6, conditions: [{ kind: 'list', name: 'Annex 2', participants: listed.map((p) => p.code) }] } });
  const participants = participantMap(...listed);
  const status = treatyStatus(treaty, participants, [action(listed[0]!.code, 'ratification', '2026-02-01', treaty.id)], '2026-06-01');

  it.each([40, 60, 80, 120])('at %i columns no line is wider, and every missing name is there', (columns) => {
    const text = statusView({ kind: 'status', status, treaty }, PLAIN, columns);
    // The condition's own lines: the rest of the view is not this test's.
    const start = text.split('\n').findIndex((l) => l.includes('Conditions'));
    const rows = text.split('\n').slice(start).filter((l, i) => i === 0 || l.startsWith(' '.repeat(20)));
    expect(rows.length).toBeGreaterThan(columns < 80 ? 3 : 1);
    for (const line of rows) expect(line.length).toBeLessThanOrEqual(columns);
    const flat = text.replace(/\s+/g, ' ');
    for (const name of names.slice(1)) expect(flat).toContain(name);
  });

  it('piped (no width), the missing names are one line', () => {
    const text = statusView({ kind: 'status', status, treaty }, PLAIN);
    expect(text).toContain(`Annex 2: 1 of 6; missing: ${names.slice(1).join(', ')}\n`);
  });
});
