import { describe, expect, it } from 'vitest';
import { ActionRowSchema } from '../../src/domain/schemas.js';
import { sourceItems } from '../../src/domain/source.js';

describe('the one form of a source', () => {
  it.each([
    ['https://www.coe.int/a', [{ kind: 'url', text: 'https://www.coe.int/a' }]],
    ['https://a.org/x  [Uradni list RS 62/2004]', [{ kind: 'url', text: 'https://a.org/x' }, { kind: 'citation', text: 'Uradni list RS 62/2004' }]],
    ['[Dz.U. 2015 poz. 729] http://b.org', [{ kind: 'citation', text: 'Dz.U. 2015 poz. 729' }, { kind: 'url', text: 'http://b.org' }]],
  ])('reads %j', (text, items) => expect(sourceItems(text)).toEqual(items));

  it.each(['', 'a newspaper', 'https://a.org/x Uradni list', '[]', '[unclosed https://a.org', 'ftp://a.org/x', 'https://'])('refuses %j', (text) => {
    expect(sourceItems(text)).toBeNull();
  });

  it('is what every imported row is checked against', () => {
    const row = { treaty: 'ets185', code: 'SVN', action: 'ratification', date: '2004-05-20', reference: '', note: '' };
    expect(ActionRowSchema.safeParse({ ...row, source: '[Uradni list RS 62/2004]' }).success).toBe(true);
    expect(ActionRowSchema.safeParse({ ...row, source: 'Uradni list RS 62/2004' }).error?.issues[0]?.message).toBe(
      'expected one or more http(s) addresses or [official-journal citations] separated by spaces',
    );
  });
});
