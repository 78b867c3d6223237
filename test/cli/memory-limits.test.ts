// Bounded memory for hostile input other than import (issue 17, "Why" item 2): a gzip bomb and a 2 GB
// body without Content-Length from a server on 127.0.0.1 (generated as streams, never stored), a
// huge status page for `add` (a sparse file, and an endless pipe), and names and notes too long for
// `record`. Each runs in a process of its own under an address-space cap, so a regression fails the
// test rather than the machine, and each must end in one line, a non-zero exit, the database as it
// was, and a peak resident size under 300 MB.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../helpers/files.js';
import { runMeasured } from '../helpers/measured-run.js';
import { ROOT, tempDir, type CliRun } from '../helpers/run-cli.js';
import { envWithDb } from '../helpers/seeded-db.js';

const MB = 1024 * 1024;
/** The cap on the whole address space: V8 reserves about 1 GB at start; a runaway read stops at this. */
const ADDRESS_SPACE = 2 * 1024 * MB;
/**
 * fetch parses HTTP with WebAssembly, whose memory reserves 10 GB of address space it never uses
 * (below 12 GB, the first fetch fails): for sync, the same 2 GB of room on top of that.
 */
const ADDRESS_SPACE_WITH_FETCH = 12 * 1024 * MB;
const PEAK_LIMIT_MB = 300;

/** The CLI under `prlimit --as` (more room for sync's fetch), optionally with stdin from a shell pipeline. */
const runCapped = (args: readonly string[], env: Record<string, string>, stdinFrom?: string) =>
  runMeasured(args, env, { capMb: (args[0] === 'sync' ? ADDRESS_SPACE_WITH_FETCH : ADDRESS_SPACE) / MB, ...(stdinFrom === undefined ? {} : { stdinFrom }) });

/** One line (and at most a hint), a non-zero exit, nothing on stdout, the database unchanged, memory bounded. */
function expectRefused(r: CliRun & { peakMb: number }, first: string, code: number, db: string, before: string | null): void {
  expect(r.stderr.trimEnd().split('\n')[0]).toBe(first);
  expect(r.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(fingerprint(db)).toBe(before);
  expect(r.peakMb).toBeLessThan(PEAK_LIMIT_MB);
}

describe('sync from hostile servers, under a memory cap', () => {
  let server: Server;
  let base = '';
  const GIGABYTES_2 = 2048;

  beforeAll(async () => {
    server = createServer((req, res) => {
      // Both bodies are made as they are sent, a megabyte at a time, and stop when the client goes.
      const zeros = Buffer.alloc(MB);
      let sent = 0;
      const pump = (into: NodeJS.WritableStream, end: () => void) => {
        const go = () => {
          while (sent < GIGABYTES_2 && into.write(zeros)) sent++;
          if (sent >= GIGABYTES_2) end();
          else into.once('drain', go);
        };
        go();
      };
      res.on('close', () => (sent = GIGABYTES_2));
      res.on('error', () => undefined);
      if (req.url === '/bomb.xml') {
        // 2 GB of zeros are about 2 MB of gzip: a small download that would expand to 2 GB.
        res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'gzip' });
        const gzip = createGzip({ level: 1 });
        gzip.pipe(res);
        res.on('close', () => gzip.destroy());
        return pump(gzip, () => gzip.end());
      }
      if (req.url === '/endless.xml') {
        res.writeHead(200, { 'content-type': 'application/xml' });
        return pump(res, () => res.end());
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it.each([
    ['/bomb.xml', 'a gzip bomb that expands to 2 GB'],
    ['/endless.xml', 'a 2 GB body without Content-Length'],
  ])('%s (%s) is refused at the page cap', async (path) => {
    const env = envWithDb();
    const before = fingerprint(env.TREATY_DB!);
    const r = await runCapped(['sync', '--from', `${base}${path}`], env);
    expectRefused(r, `error: ${base}${path}: the page is larger than 4 MB`, 1, env.TREATY_DB!, before);
  });
});

describe('add of a huge status page, under a memory cap', () => {
  it('a 200 MB file (sparse) is refused by its size, without being read', async () => {
    const env = envWithDb();
    const page = join(tempDir(), 'huge.xml');
    writeFileSync(page, '<?xml version="1.0" encoding="utf-8"?><Document>');
    truncateSync(page, 200 * MB);
    const before = fingerprint(env.TREATY_DB!);
    const r = await runCapped(['add', page, '--threshold', '50', '--days', '90'], env);
    expectRefused(r, `error: cannot read ${page}: larger than 4 MB, the most a status page may be`, 1, env.TREATY_DB!, before);
  });

  it('an endless page through a pipe is refused once it passes the cap while being read', async () => {
    const env = envWithDb();
    const before = fingerprint(env.TREATY_DB!);
    const r = await runCapped(['add', '/dev/stdin', '--threshold', '50', '--days', '90'], env, `yes '<Row><Entry>Nowhere</Entry></Row>'`);
    expectRefused(r, 'error: cannot read /dev/stdin: larger than 4 MB, the most a status page may be', 1, env.TREATY_DB!, before);
  });
});

describe('add of a page just under the cap', () => {
  it('reads it within the bound (the cap is set by the worst page shape measured: one long text)', async () => {
    const env = envWithDb();
    const real = readFileSync(join(ROOT, 'test', 'fixtures', 'mtdsg', 'XXVI-8.en.xml'), 'latin1');
    const at = real.indexOf('<TreatyNote>');
    const filler = 4 * MB - real.length - 1000;
    const page = join(tempDir(), 'near-cap.xml');
    writeFileSync(page, `${real.slice(0, at)}<TreatyNote><Text>${'x'.repeat(filler)}</Text></TreatyNote>${real.slice(at)}`, 'latin1');
    const r = await runCapped(['add', page, '--threshold', '50', '--days', '90', '--dry-run'], env);
    expect(r.stderr).toMatch(/^would add treaty XXVI-8/);
    expect(r.code).toBe(0);
    expect(r.peakMb).toBeLessThan(PEAK_LIMIT_MB);
  });
});

describe('record of fields too long, under a memory cap', () => {
  // Linux takes at most 128 KB in one argument, so the 200 KB name of the finding cannot reach a
  // command line: 120 KB is the longest that can.
  it('a 120 KB participant name is refused before any matching', async () => {
    const env = envWithDb();
    const before = fingerprint(env.TREATY_DB!);
    const r = await runCapped(['record', 'x'.repeat(120_000), 'ratification', '2026-01-10', '--source', 'https://example.org/a'], env);
    expectRefused(r, `error: a participant name of 120000 characters ("${'x'.repeat(40)}…") is longer than any participant's`, 1, env.TREATY_DB!, before);
  });

  it.each([
    ['--note', 'a note'],
    ['--reference', 'a reference'],
  ])('a 100,000-character %s (%s) is refused in one line that does not repeat it', async (option) => {
    const env = envWithDb();
    const before = fingerprint(env.TREATY_DB!);
    const r = await runCapped(['record', 'VNM', 'ratification', '2026-01-10', '--source', 'https://example.org/a', option, 'n'.repeat(100_000)], env);
    expectRefused(r, `error: ${option} is 100,000 characters long; the most a field may hold is 10,000`, 2, env.TREATY_DB!, before);
  });
});
