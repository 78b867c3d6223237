// Lines of text read in pieces, each line bounded while it is read: NDJSON is one object a line.
import { countText } from '../domain/limits.js';
import { UserError } from '../errors.js';

export interface NumberedLine {
  line: number;
  text: string;
}

/** The lines of the pieces (a final line break starts no line), each without its \n or \r\n. */
export function* textLines(pieces: Iterable<string>, file: string, maxLine: number): Generator<NumberedLine> {
  let carried = '';
  let line = 1;
  const tooLong = (): never => {
    throw new UserError(`${file}:${line}: a line of more than ${countText(maxLine)} characters`, 'each line holds one object of a few fields');
  };
  for (const text of pieces) {
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      let whole = carried + text.slice(start, end);
      carried = '';
      if (whole.length > maxLine) tooLong();
      if (whole.endsWith('\r')) whole = whole.slice(0, -1);
      yield { line, text: whole };
      line += 1;
      start = end + 1;
    }
    carried += text.slice(start);
    if (carried.length > maxLine) tooLong();
  }
  if (carried !== '') yield { line, text: carried.endsWith('\r') ? carried.slice(0, -1) : carried };
}
