// Text from files and servers shown to a person: control characters and bidirectional overrides
// would change the terminal (a title, hidden text, lines drawn in another order), so they are shown
// as visible escapes. Machine formats keep the exact text; only what goes to a terminal passes here.

// C0 and C1 controls but tab and newline, DEL, and the bidirectional embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escape(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** `text` with every control character (tab and newline kept) and bidi control shown as an escape. */
export function visibleText(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** The same, and newlines and tabs too: for a value that must stay on one line (a table cell, a message). */
export function visibleLine(text: string): string {
  return visibleText(text).replace(/[\t\n]/g, escape);
}

/**
 * Every string inside a result (rows, nested objects, lists) made visible, for a view meant for people.
 * Done before the view adds its own colour, so that treaty's escapes are the only ones printed.
 */
export function visibleDeep<T>(value: T): T {
  if (typeof value === 'string') return visibleText(value).replace(/\t/g, '\\x09') as T;
  if (Array.isArray(value)) return value.map(visibleDeep) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visibleDeep(v)])) as T;
  }
  return value;
}
