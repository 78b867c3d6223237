// The text help shows after commander's own (examples, notes, the exit codes) fitted to a width:
// prose wraps between words under its own indent; an example command is broken between shell words
// with a trailing " \", so that a line copied from a narrow terminal still runs as one command.
import { cellWidth } from './cells.js';
import { wrapText } from './wrap.js';

const EXAMPLE = /^( *)\$ (.*)$/;
const CONTINUED = '      ';

export function fitHelpText(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (cellWidth(line) <= width) return [line];
      const example = EXAMPLE.exec(line);
      if (example) return fitCommand(`${example[1]}$ `, example[2]!, width);
      const indent = /^ */.exec(line)![0];
      return wrapText(line.slice(indent.length), width, { first: indent, indent });
    })
    .join('\n');
}

/** Shell words, a quoted one whole ("Viet Nam", '...'), packed into lines ending in " \". */
function fitCommand(prompt: string, command: string, width: number): string[] {
  const words = command.match(/(?:"[^"]*"|'[^']*'|\S)+/g) ?? [];
  const lines: string[] = [];
  let line = prompt;
  let empty = true;
  for (const word of words) {
    // Room for the " \" that ends a continued line.
    if (!empty && cellWidth(line) + 1 + cellWidth(word) + 2 > width) {
      lines.push(`${line} \\`);
      line = CONTINUED;
      empty = true;
    }
    line += `${empty ? '' : ' '}${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}
