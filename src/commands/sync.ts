// treaty sync: fetch each treaty's status page from the depositary and import it. The only command
// that uses the network, and only for the addresses in the treaty definitions or given with --from.
import type { Ctx } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import { visibleText } from '../formats/visible-text.js';
import type { ListResult } from '../formats/result.js';
import { importInputs, readInput, type Input } from './import.js';
import { MAX_PAGE_BYTES, megabytes } from '../domain/limits.js';
import { readCappedFile } from '../read-capped-file.js';

export interface SyncOptions {
  db: string | undefined;
  /** One treaty; all those with a status page address when undefined. */
  treaty: string | undefined;
  /** A URL or a file to read instead of the treaty's address. */
  from: string | undefined;
  /** With `from`: the source recorded on the rows. */
  source?: string | undefined;
  timeoutSeconds: number;
  dryRun: boolean;
  command: string;
}

/** A fetched page is read into memory like a file given to `add`, so it has the same cap. */
const MAX_BYTES = MAX_PAGE_BYTES;

export async function sync(ctx: Ctx, o: SyncOptions): Promise<ListResult> {
  if (o.source !== undefined && o.from === undefined) throw new UsageError('--source goes with --from: a page fetched from a treaty\'s own address has that address as its source');
  const targets = o.from !== undefined ? [o.from] : await addresses(ctx, o);
  const inputs: Input[] = [];
  let fetched = false;
  for (const target of targets) {
    const remote = /^https?:\/\//i.test(target);
    fetched ||= remote;
    const bytes = remote ? await fetchBytes(target, o.timeoutSeconds) : readCappedFile(target, MAX_BYTES, 'a status page');
    inputs.push(readInput(target, bytes, 'xml'));
  }
  // A fetched page is its own source; a local file falls back on the treaty's address.
  const source = o.source ?? (o.from !== undefined && /^https?:\/\//i.test(o.from) ? o.from : undefined);
  // The XML states no status date: a page fetched now is as of today; a saved file, of the latest date it shows.
  return importInputs(ctx, inputs, { db: o.db, source, replace: false, dryRun: o.dryRun, command: o.command, fetchedOn: fetched ? ctx.today() : undefined });
}

async function addresses(ctx: Ctx, o: SyncOptions): Promise<string[]> {
  return ctx.withStore(o.db, 'read', (store) => {
    const treaties = o.treaty === undefined ? store.definitions() : [store.treaty(o.treaty)];
    const urls = treaties.flatMap((t) => (t.depositary.status_xml ? [t.depositary.status_xml] : []));
    if (urls.length === 0) throw new UserError(`no treaty here has a depositary status page address to sync from`, 'give one with --from URL or FILE');
    return urls;
  });
}

export async function fetchBytes(url: string, timeoutSeconds: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutSeconds * 1000), redirect: 'follow' });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string; errors?: { code?: string }[] } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError') throw new UserError(`${url}: no answer within ${timeoutSeconds} s`, 'try again later, or raise --timeout');
    // undici wraps the socket error; with several addresses to try, in an AggregateError.
    const code = err.cause?.code ?? err.cause?.errors?.find((x) => x.code)?.code ?? err.cause?.message ?? err.message;
    throw new UserError(`${url}: cannot connect (${code})`);
  }
  if (!response.ok) throw new UserError(`${url}: the server answered HTTP ${response.status}${response.statusText ? ` ${visibleText(response.statusText.slice(0, 100))}` : ''}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) throw new UserError(`${url}: the page is larger than ${megabytes(MAX_BYTES)}`);
  return readCapped(url, response);
}

/**
 * The body, read chunk by chunk and counted as it arrives (after decompression), so that a body with
 * no Content-Length or a small gzip that expands to gigabytes stops at the cap instead of filling memory.
 */
async function readCapped(url: string, response: Response): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw new UserError(`${url}: the page is larger than ${megabytes(MAX_BYTES)}`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${url}: the download broke off (${(e as Error).message})`);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
