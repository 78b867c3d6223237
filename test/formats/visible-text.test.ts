import { describe, expect, it } from 'vitest';
import { visibleLine, visibleText } from '../../src/formats/visible-text.js';

describe('visibleText', () => {
  it.each([
    ['plain words, accents (Côte d’Ivoire) and scripts (العربية, 中文) stay', 'plain words, accents (Côte d’Ivoire) and scripts (العربية, 中文) stay'],
    ['a title change \u001b]0;owned\u0007', 'a title change \\x1b]0;owned\\x07'],
    ['colour \u001b[31mred\u001b[0m', 'colour \\x1b[31mred\\x1b[0m'],
    ['a C1 CSI \u009b31m', 'a C1 CSI \\x9b31m'],
    ['right-to-left \u202eoverride\u202c and isolate \u2067x\u2069', 'right-to-left \\u{202e}override\\u{202c} and isolate \\u{2067}x\\u{2069}'],
    ['back\bspace, bell\u0007, DEL\u007f, NUL\u0000', 'back\\x08space, bell\\x07, DEL\\x7f, NUL\\x00'],
    ['tab\tand\nnewline kept', 'tab\tand\nnewline kept'],
  ])('%j', (input, shown) => {
    expect(visibleText(input)).toBe(shown);
  });

  it('visibleLine also escapes tabs and newlines', () => {
    expect(visibleLine('a\tb\nc\r')).toBe('a\\x09b\\x0ac\\x0d');
  });
});
