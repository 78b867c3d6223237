// What a failed stdout means for the exit code. A read whose output is lost has failed (exit 1),
// except that a reader that stopped reading (`| head -1`) got what it wanted. A write that is in
// the database has happened whatever became of its output: it exits as it would have, and says on
// stderr that what it printed is incomplete, so a script does not run it again for nothing.
import type { Io } from './io.js';

const REASONS: Readonly<Record<string, string>> = {
  EPIPE: 'the reader closed the pipe',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large',
  EIO: 'input/output error',
  EBADF: 'standard output is closed',
};

export function exitAfterOutput(code: number, io: Io, wrote: boolean): number {
  const failure = io.out.failure;
  if (failure === undefined) return code;
  const reason = REASONS[failure] ?? failure;
  if (wrote) {
    io.err.write(`warning: the write is done and kept, but its output was not all written (${reason})\n`);
    return code;
  }
  if (failure === 'EPIPE') return code;
  io.err.write(`error: cannot write the output: ${reason}\n`);
  return 1;
}
