import { writeSync } from 'node:fs';

export interface Sink {
  readonly closed: boolean;
  write(chunk: string): void;
}

/**
 * Synchronous writes to a file descriptor. A reader that goes away (`treaty status | head -1`)
 * closes the sink quietly instead of raising EPIPE after the last row.
 */
export function fdSink(fd: 1 | 2): Sink {
  let closed = false;
  return {
    get closed() {
      return closed;
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
          if (code !== 'EPIPE') throw e;
          closed = true;
          return;
        }
      }
    },
  };
}
