import { writeSync } from 'node:fs';

export interface Sink {
  readonly closed: boolean;
  /** Why the sink closed, when a write failed: EPIPE (the reader went away), ENOSPC, EIO... */
  readonly failure?: string | undefined;
  write(chunk: string): void;
}

/**
 * Synchronous writes to a file descriptor. A reader that goes away (`treaty status | head -1`) or a
 * failed write (a full disk) closes the sink instead of raising after the last row: main() reads
 * `failure` once the command is done, when it knows whether the command had already written the database.
 */
export function fdSink(fd: 1 | 2): Sink {
  let closed = false;
  let failure: string | undefined;
  return {
    get closed() {
      return closed;
    },
    get failure() {
      return failure;
    },
    write(chunk: string) {
      if (closed) return;
      let buffer = Buffer.from(chunk, 'utf8');
      // writeSync may write less than asked, or nothing (EAGAIN) when a non-blocking pipe is full.
      while (buffer.length > 0) {
        try {
          buffer = buffer.subarray(writeSync(fd, buffer));
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') continue;
          closed = true;
          failure = code ?? (e as Error).message;
          return;
        }
      }
    },
  };
}
