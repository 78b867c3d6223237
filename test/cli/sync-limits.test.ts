// sync against hostile servers on 127.0.0.1: bodies that would fill memory, and words meant for
// the terminal. Spawned, so that each run's peak memory is its own.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMeasured } from '../helpers/measured-run.js';
import { cleanEnv, runCli } from '../helpers/run-cli.js';

const MB = 1024 * 1024;


describe('treaty sync against hostile servers', () => {
  let server: Server;
  let base = '';
  // 2 GB of zeros are 2 MB of gzip; 400 MB of them (about 400 KB gzipped) are as telling and quicker.
  let bomb = Buffer.alloc(0);

  beforeAll(async () => {
    const gzip = createGzip();
    const parts: Buffer[] = [];
    gzip.on('data', (b: Buffer) => parts.push(b));
    const zeros = Buffer.alloc(MB);
    for (let i = 0; i < 400; i++) if (!gzip.write(zeros)) await new Promise((go) => gzip.once('drain', go));
    await new Promise((go) => gzip.end(go));
    bomb = Buffer.concat(parts);
    server = createServer((req, res) => {
      if (req.url === '/bomb.xml') return void res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'gzip', 'content-length': bomb.length }).end(bomb);
      if (req.url === '/endless.xml') {
        // No Content-Length: the body goes on until the client stops reading.
        res.writeHead(200, { 'content-type': 'application/xml' });
        const chunk = Buffer.alloc(MB, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < 400 && res.write(chunk)) sent++;
          if (sent >= 400) res.end();
          else res.once('drain', pump);
        };
        res.on('error', () => undefined);
        return void pump();
      }
      if (req.url === '/reason.xml') {
        // Node's own server refuses to send such a reason phrase; a hostile one writes the bytes itself.
        req.socket.end(Buffer.from('HTTP/1.1 503 Busy \u001b]0;owned\u0007\u202eevil\r\ncontent-length: 1\r\nconnection: close\r\n\r\nx', 'utf8'));
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  function seeded(): Record<string, string> {
    const env = cleanEnv();
    expect(runCli(['status', '--as-of', '2026-01-15'], env).code).toBe(0);
    return env;
  }

  it.each([
    ['/bomb.xml', 'a gzip body that expands to 400 MB'],
    ['/endless.xml', 'a body without Content-Length that goes on for 400 MB'],
  ])('%s (%s) stops at the 4 MB cap, within 300 MB of memory', async (path) => {
    const env = seeded();
    const r = await runMeasured(['sync', '--from', `${base}${path}`], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: ${base}${path}: the page is larger than 4 MB\n`);
    expect(r.peakMb).toBeLessThan(300);
  });

  it('shows a hostile reason phrase as escapes, never raw', async () => {
    const env = seeded();
    const r = await runMeasured(['sync', '--from', `${base}/reason.xml`], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: ${base}/reason.xml: the server answered HTTP 503 Busy \\x1b]0;owned\\x07\\u{202e}evil\n`);
  });
});
