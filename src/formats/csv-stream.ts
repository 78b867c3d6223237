// CSV records read from text in pieces (RFC 4180: fields quoted with ", a quote doubled inside;
// records end with \n or \r\n; blank lines are skipped). Written by hand so that the limits hold while
// reading: no field grows past MAX_FIELD_LENGTH and no record past the header's width, so a file with
// a missing quote or one enormous note is refused on its line without ever being held in memory.
import { MAX_FIELD_LENGTH, tooLongMessage } from '../domain/limits.js';
import { UserError } from '../errors.js';
import { checkHeader, shortName } from './csv-read.js';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** The most a header line may hold before it is taken for data: far more than any header. */
const MAX_HEADER_CHARACTERS = 2000;

export interface CsvObject {
  /** The line the record starts on, counted from 1 (the header is line 1). */
  line: number;
  record: Record<string, string>;
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the end of the field, or the first of two. */
  QuoteInQuoted,
}

/**
 * The records of a CSV file whose header names exactly `columns` (in any order), as objects keyed by
 * the header. Every problem is a UserError that starts with `file:line:`, raised as soon as the
 * piece holding it is read.
 */
export function* csvObjects(pieces: Iterable<string>, file: string, columns: readonly string[], maxField = MAX_FIELD_LENGTH): Generator<CsvObject> {
  let header: string[] | null = null;
  let width = MAX_HEADER_CHARACTERS; // fields a record may have: for the header, bounded by its length
  let fields: string[] = [];
  let field = ''; // the current field's text from earlier pieces, or before a doubled quote
  let state = State.FieldStart;
  let line = 1;
  let recordLine = 1;
  let headerCharacters = 0;

  const fail = (message: string, hint?: string): never => {
    throw new UserError(`${file}:${recordLine}: ${message}`, hint);
  };
  const columnName = (i: number) => (header && header[i] !== undefined ? `column "${shortName(header[i]!)}"` : `field ${i + 1}`);
  const tooLong = (length: number) => fail(`${columnName(fields.length)}: ${tooLongMessage(length)}`, 'a quote that is not closed takes in the rest of the file: check the quotes on this line');
  const push = (text: string) => {
    if (text.length > maxField) tooLong(text.length);
    fields.push(text);
    if (fields.length > width) fail(`more fields than the header's ${width}`, 'quote a field that holds a comma');
  };
  /** The record just ended; null for a blank line. */
  const finish = (): string[] | null => {
    const done = fields;
    fields = [];
    state = State.FieldStart;
    if (done.length === 1 && done[0] === '') return null;
    return done;
  };
  /** The record that started on recordLine, done; the next starts on the current line. */
  function* emit(record: string[] | null): Generator<CsvObject> {
    const at = recordLine;
    if (record !== null && header === null) {
      checkHeader(record, columns, file);
      header = record;
      width = record.length;
    } else if (record !== null) {
      if (record.length !== width) fail(`${record.length} field${record.length === 1 ? '' : 's'} where the header has ${width}`);
      const object: Record<string, string> = {};
      for (let i = 0; i < width; i++) object[header![i]!] = record[i]!;
      recordLine = line;
      yield { line: at, record: object };
    }
    recordLine = line;
  }

  for (const text of pieces) {
    const n = text.length;
    let start = 0; // where the current field's text begins in this piece
    let i = 0;
    if (header === null && (headerCharacters += n) > MAX_HEADER_CHARACTERS) {
      const end = text.indexOf('\n');
      if (end === -1 || headerCharacters - n + end > MAX_HEADER_CHARACTERS) {
        throw new UserError(`${file}:1: the first line (more than ${MAX_HEADER_CHARACTERS} characters) is not a header row`, `the header is: ${columns.join(',')}`);
      }
    }
    while (i < n) {
      switch (state) {
        case State.FieldStart: {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            state = State.Quoted;
            start = i + 1;
            i += 1;
          } else if (c === COMMA) {
            push('');
            i += 1;
          } else if (c === LF) {
            push('');
            line += 1;
            i += 1;
            yield* emit(finish());
          } else {
            state = State.Unquoted;
            start = i;
          }
          break;
        }
        case State.Unquoted: {
          let c = 0;
          while (i < n && (c = text.charCodeAt(i)) !== COMMA && c !== LF && c !== QUOTE) i += 1;
          if (i === n) {
            field += text.slice(start, i);
            if (field.length > maxField) tooLong(field.length);
            break;
          }
          if (c === QUOTE) fail(`a quote inside a field that does not start with one (column ${columnName(fields.length).replace(/^column /, '')})`, 'quote the whole field and double each quote inside it');
          let value = field + text.slice(start, i);
          field = '';
          if (c === LF && value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
          push(value);
          i += 1;
          if (c === COMMA) state = State.FieldStart;
          else {
            line += 1;
            yield* emit(finish());
          }
          break;
        }
        case State.Quoted: {
          const q = text.indexOf('"', i);
          const end = q === -1 ? n : q;
          for (let k = text.indexOf('\n', i); k !== -1 && k < end; k = text.indexOf('\n', k + 1)) line += 1;
          field += text.slice(start, end);
          if (field.length > maxField) tooLong(field.length);
          i = end;
          if (q !== -1) {
            state = State.QuoteInQuoted;
            i += 1;
          }
          break;
        }
        case State.QuoteInQuoted: {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            field += '"';
            state = State.Quoted;
            start = i + 1;
            i += 1;
          } else if (c === COMMA || c === LF || (c === CR && i + 1 < n && text.charCodeAt(i + 1) === LF)) {
            push(field);
            field = '';
            i += c === CR ? 2 : 1;
            if (c === COMMA) state = State.FieldStart;
            else {
              line += 1;
              yield* emit(finish());
            }
          } else if (c === CR && i + 1 === n) {
            // A \r\n split between two pieces: the \n starts the next one.
            i += 1;
          } else {
            fail(`text after the closing quote of ${columnName(fields.length)}`, 'double each quote inside a quoted field');
          }
          break;
        }
      }
    }
  }
  // The last record need not end with a line break.
  if (state === State.Quoted) fail('a quoted field is not closed: its quote is missing', 'close the quote; a quote inside a quoted field is doubled');
  if (state === State.Unquoted || state === State.QuoteInQuoted) {
    push(field.endsWith('\r') ? field.slice(0, -1) : field);
    yield* emit(finish());
  } else if (fields.length > 0) {
    push('');
    yield* emit(finish());
  }
  if (header === null) throw new UserError(`${file}: the file is empty`);
}
