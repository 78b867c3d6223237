// The one value-parsing layer for the command line. Policy (README "Exit codes"): a value that is
// malformed, or a choice that is not in the list, is a UsageError (exit 2) that names the option, the
// value and what is allowed; a well-formed value that names nothing in the data (a participant or a
// treaty the database does not hold) is left to the command, which answers exit 1 with a suggestion.
// Checked by hand: zod would cost every read command ~50 ms of start-up (DESIGN §5).
import { dateProblem, FIRST_DATE, isIsoDate, LAST_DATE, type IsoDate } from './domain/dates.js';
import { GROUP_CHOICES, resolveGroup, type GroupFilter } from './domain/groups.js';
import { isOneOf } from './domain/vocabulary.js';
import { SOURCE_FORM, sourceItems } from './domain/source.js';
import { UsageError } from './errors.js';
import { longFieldProblem } from './domain/field-limits.js';

/** What the shell can offer for a value: fixed words, files, or names read from the database. */
export type Completion = 'file' | 'treaties' | 'participants' | 'none';

/** One kind of value: how it is written, what it means, and how a wrong one is refused. */
export interface ValueKind<T> {
  /** The kind's name in the README's option tables. */
  readonly kind: string;
  /** Shown in help and errors: what a good value looks like. */
  readonly allowed: string;
  readonly choices?: readonly string[];
  readonly complete: Completion;
  /** A value this kind always refuses: the bad-input test tries it on every option. */
  readonly malformed: string;
  /** A value this kind accepts, for tests and the README's tables. */
  readonly sample: string;
  parse(raw: string, where: string): T;
}

const refuse = (where: string, allowed: string, raw: string): never => {
  throw new UsageError(`${where}: expected ${allowed}, got "${raw}"`);
};

/** A text that a row would store is held to the field maximum here, and never echoed back whole. */
const checkLength = (where: string, raw: string): string => {
  const problem = longFieldProblem({ [where]: raw });
  if (problem) throw new UsageError(problem);
  return raw;
};

export function date(): ValueKind<IsoDate> {
  const allowed = 'a real date like 2025-10-25';
  const parse = (raw: string, where: string): IsoDate => {
    if (isIsoDate(raw)) return raw;
    const problem = dateProblem(raw);
    // A real date out of range says so, rather than asking for a "real date".
    return problem?.startsWith('outside') ? refuse(where, `a date from ${FIRST_DATE} to ${LAST_DATE}`, raw) : refuse(where, allowed, raw);
  };
  return { kind: 'date', allowed, complete: 'none', malformed: '31/12/2025', sample: '2025-10-25', parse };
}

/** A date, or one of a few words that stand for no date (`--closes unknown`). */
export function dateOr<W extends string>(words: readonly W[]): ValueKind<IsoDate | W> {
  const allowed = `a real date like 2025-10-25, or ${words.join(' or ')}`;
  const day = date();
  return {
    kind: 'date or word',
    allowed,
    choices: words,
    complete: 'none',
    malformed: 'someday',
    sample: words[0]!,
    parse: (raw, where) => (isOneOf(words, raw) ? raw : isIsoDate(raw) ? raw : dateProblem(raw)?.startsWith('outside') ? day.parse(raw, where) : refuse(where, allowed, raw)),
  };
}

export function choice<T extends string>(choices: readonly T[]): ValueKind<T> {
  const allowed = `one of ${choices.join(', ')}`;
  return { kind: 'choice', allowed, choices, complete: 'none', malformed: 'no-such-choice', sample: choices[0]!, parse: (raw, where) => (isOneOf(choices, raw) ? raw : refuse(where, allowed, raw)) };
}

export function integer(min: number, max: number): ValueKind<number> {
  const allowed = `a whole number from ${min} to ${max}`;
  return {
    kind: 'integer',
    allowed,
    complete: 'none',
    malformed: 'ten',
    sample: String(min),
    parse(raw, where) {
      const n = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
      return n >= min && n <= max ? n : refuse(where, allowed, raw);
    },
  };
}

/** A rule's number of instruments: a rule that needs none is no rule (the schema refuses 0 too). */
export function instrumentCount(): ValueKind<number> {
  return integer(1, 9999);
}

export function seconds(max: number): ValueKind<number> {
  const allowed = `a number of seconds above 0 and at most ${max}, like 30 or 2.5`;
  return {
    kind: 'seconds',
    allowed,
    complete: 'none',
    malformed: '30s',
    sample: '2.5',
    parse(raw, where) {
      const n = /^\d{1,6}(\.\d{1,3})?$/.test(raw) ? Number(raw) : NaN;
      return n > 0 && n <= max ? n : refuse(where, allowed, raw);
    },
  };
}

/** Free text that must say something: an empty value is a slip (an unset shell variable). */
export function text(allowed: string): ValueKind<string> {
  return { kind: 'text', allowed, complete: 'none', malformed: ' ', sample: 'text', parse: (raw, where) => (raw.trim() === '' ? refuse(where, allowed, raw) : checkLength(where, raw).trim()) };
}

export function path(allowed = 'a file path'): ValueKind<string> {
  return { kind: 'path', allowed, complete: 'file', malformed: '', sample: 'file', parse: (raw, where) => (raw.trim() === '' ? refuse(where, allowed, raw) : raw) };
}

const isHttp = (s: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
};

/** One or more http(s) addresses separated by spaces (a fact may have two sources). */
export function url(): ValueKind<string> {
  const allowed = 'an http(s) address';
  return {
    kind: 'URL',
    allowed,
    complete: 'none',
    malformed: 'treaties.un.org',
    sample: 'https://treaties.un.org/',
    parse(raw, where) {
      const parts = raw.trim().split(/\s+/).filter(Boolean);
      return parts.length > 0 && parts.every(isHttp) ? parts.join(' ') : refuse(where, allowed, raw);
    },
  };
}

/** Where a fact comes from: http(s) addresses or [official-journal citations], separated by spaces (domain/source.ts). */
export function source(): ValueKind<string> {
  const allowed = SOURCE_FORM;
  return {
    kind: 'source',
    allowed,
    complete: 'none',
    malformed: 'treaties.un.org',
    sample: 'https://treaties.un.org/',
    parse: (raw, where) => (sourceItems(checkLength(where, raw)) === null ? refuse(where, allowed, raw) : raw.trim().replace(/\s+/g, ' ')),
  };
}

/** An address, or a file when it is not one. */
export function urlOrPath(): ValueKind<string> {
  const allowed = 'an http(s) address or a file path';
  return {
    kind: 'URL or path',
    allowed,
    complete: 'file',
    malformed: 'ftp://example.org/page.xml',
    sample: 'page.xml',
    parse(raw, where) {
      if (raw.trim() === '' || (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) && !isHttp(raw))) return refuse(where, allowed, raw);
      return raw;
    },
  };
}

/** A participant's code or name; whether the database knows it is the command's to say (exit 1). */
export function participant(): ValueKind<string> {
  const allowed = 'an ISO code (VN, VNM) or a name ("Viet Nam")';
  return { kind: 'participant', allowed, complete: 'participants', malformed: ' ', sample: 'VN', parse: (raw, where) => (raw.trim() === '' ? refuse(where, allowed, raw) : raw.trim()) };
}

/** A treaty's id or alias; whether the database holds it is the command's to say (exit 1). */
export function treaty(): ValueKind<string> {
  const allowed = 'a treaty id or alias (XVIII-16, hanoi)';
  return { kind: 'treaty', allowed, complete: 'treaties', malformed: ' ', sample: 'hanoi', parse: (raw, where) => (raw.trim() === '' ? refuse(where, allowed, raw) : raw.trim()) };
}

/** A UN regional group or a membership, by any of the names people use for it. */
export function group(): ValueKind<GroupFilter> {
  const allowed = `a group: ${GROUP_CHOICES.join(', ')} (or African, GRULAC, WEOG...)`;
  return {
    kind: 'group',
    allowed,
    choices: ['African', 'Asia-Pacific', 'Eastern-European', 'GRULAC', 'WEOG', 'none', 'un_member', 'coe_member', 'eu_member'],
    complete: 'none',
    malformed: 'Atlantis',
    sample: 'WEOG',
    parse: (raw, where) => resolveGroup(raw) ?? refuse(where, allowed, raw),
  };
}

/** Column names; which columns exist is checked where they are known (formats/columns.ts, exit 2 too). */
export function columnNames(): ValueKind<string> {
  const allowed = 'column names separated by commas';
  return { kind: 'columns', allowed, complete: 'none', malformed: 'code;name', sample: 'code', parse: (raw, where) => (/^[a-z0-9_-]+$/i.test(raw) ? raw : refuse(where, allowed, raw)) };
}

/** `participant:date[:action]`, an instrument that has not been deposited (what-if). */
export function deposit<A extends string>(actions: readonly A[], fallback: A): ValueKind<{ participant: string; date: IsoDate; action: A }> {
  const allowed = `"participant:YYYY-MM-DD" or "participant:YYYY-MM-DD:action" (${actions.join(', ')})`;
  return {
    kind: 'deposit',
    allowed,
    complete: 'participants',
    malformed: 'Qatar',
    sample: 'Qatar:2026-12-15',
    parse(raw, where) {
      const m = /^(.+?):(\d{4}-\d{2}-\d{2})(?::([a-z_]+))?$/.exec(raw.trim());
      if (!m || m[1]!.trim() === '') return refuse(where, allowed, raw);
      if (!isIsoDate(m[2]!)) return refuse(where, 'a real date like 2025-10-25', m[2]!);
      const action = m[3] ?? fallback;
      if (!isOneOf(actions, action)) return refuse(where, allowed, raw);
      return { participant: m[1]!.trim(), date: m[2]!, action };
    },
  };
}
