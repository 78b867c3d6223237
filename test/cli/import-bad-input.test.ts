// treaty import and treaty record against bad input: every refusal is one `error: …` line (and maybe a
// hint), on stderr only, with exit code 1 (bad data) or 2 (a malformed command line), no stack trace,
// and a database that is byte for byte and row for row what it was. Then the inputs that look odd but
// are fine: a BOM, CRLF line endings, a header with no rows, the same file twice.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { fingerprint } from '../helpers/files.js';
import { mtdsgXml } from '../helpers/mtdsg.js';
import { BIN, cleanEnv, ROOT, tempDir, type CliRun } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';
import { envWithDb } from '../helpers/seeded-db.js';

const HEADER = 'treaty,code,action,date,reference,source,note';
const VALID = 'XVIII-16,VNM,ratification,2026-06-15,,https://example.org/x,';
const TSV_HEADER = HEADER.replaceAll(',', '\t');
const VALID_TSV = VALID.replaceAll(',', '\t');
const SOURCE = 'https://example.org/x';
const MB50 = 50 * 1024 * 1024;

const VALID_JSON = { treaty: 'XVIII-16', code: 'VNM', action: 'ratification', date: '2026-06-15', reference: null, source: SOURCE, note: null };
const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The start of an error line about a file: `error: <file>:` then the line (and column) when given. */
const at = (file: string, ...place: number[]) => new RegExp(`^error: ${escapeRegExp([file, ...place].join(':'))}: `);

interface Dump {
  fingerprint: string | null;
  actions: string;
  changes: string;
}

/** The database as bytes and as rows: the actions of every treaty and every row of the change log. */
async function dump(env: Record<string, string>): Promise<Dump> {
  const print = fingerprint(env.TREATY_DB!);
  const actions = await runMain(['export', '--all-treaties', '--csv'], env);
  const changes = await runMain(['changes', '--with-seed', '--rows', '--csv'], env);
  expect(actions).toMatchObject({ code: 0, stderr: '' });
  expect(changes).toMatchObject({ code: 0, stderr: '' });
  return { fingerprint: print, actions: actions.stdout, changes: changes.stdout };
}

let template: { db: string; dump: Dump };
const homes: string[] = [];

beforeAll(async () => {
  // A copy, so that reading it for the dump cannot touch the run's template itself.
  const env = envWithDb();
  template = { db: inject('templates').bundled, dump: await dump(env) };
  expect(template.dump.fingerprint).toBe(fingerprint(template.db));
  expect(template.dump.actions).toContain('XVIII-16,VNM,signature,2025-10-25,');
});

afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** A home with a copy of the seeded database, and a folder for the input files. */
function fresh() {
  const home = tempDir();
  homes.push(home);
  const env = cleanEnv(home);
  copyFileSync(template.db, env.TREATY_DB!);
  expect(fingerprint(env.TREATY_DB!)).toBe(template.dump.fingerprint);
  const dir = join(home, 'input');
  mkdirSync(dir);
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  return { env, dir, file };
}

/**
 * runCliAsync with a guard: the command is killed if it runs away, and the test worker is not blocked
 * meanwhile (a long spawnSync would starve vitest's own messages).
 */
function runGuarded(args: readonly string[], env: Record<string, string>): Promise<CliRun & { error?: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, ...(signal ? { error: `killed by ${signal} after 25 s` } : {}) });
    });
  });
}

/** The shape of every refusal: exit code, nothing on stdout, one error line and maybe one more, no trace. */
function expectRefused(r: CliRun & { error?: string }, code: 1 | 2, first: RegExp): void {
  expect(r.error, 'the command did not finish').toBeUndefined();
  expect(r.stderr.length, 'stderr is a short message, not an echo of the input').toBeLessThan(1000);
  expect(r.stderr, 'no stack trace').not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/internal error|TREATY_DEBUG/);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n'), r.stderr).toBe(true);
  const lines = r.stderr.slice(0, -1).split('\n');
  expect(lines.length, r.stderr).toBeLessThanOrEqual(2);
  expect(lines[0]).toMatch(/^error: \S/);
  expect(lines[0]).toMatch(first);
  if (lines.length === 2) expect(lines[1]).toMatch(/^(hint: \S|\(run "treaty --help" for usage\)$)/);
  expect(r.code, r.stderr).toBe(code);
}

async function expectDatabaseUnchanged(env: Record<string, string>): Promise<void> {
  const after = await dump(env);
  expect(after.fingerprint, 'the database file changed').toBe(template.dump.fingerprint);
  expect(after.actions).toBe(template.dump.actions);
  expect(after.changes).toBe(template.dump.changes);
}

type Fresh = ReturnType<typeof fresh>;

interface BadCase {
  name: string;
  code: 1 | 2;
  /** Writes the input files and gives the command line, the start of the error line, and more checks of stderr. */
  setup: (f: Fresh) => { args: string[]; first: RegExp; stderr?: RegExp[] };
  guarded?: boolean;
}

const IMPORT_CASES: BadCase[] = [
  {
    name: 'a row with more fields than the header',
    code: 1,
    setup: ({ file }) => {
      const f = file('columns.csv', csv('XVIII-16,AGO,ratification,2026-06-15,,https://example.org/x,', `${VALID},extra`));
      return { args: ['import', f], first: at(f, 3), stderr: [/column|field|length/i] };
    },
  },
  {
    name: 'a row with fewer fields than the header',
    code: 1,
    setup: ({ file }) => {
      const f = file('short.csv', csv('XVIII-16,VNM,ratification,2026-06-15'));
      return { args: ['import', f], first: at(f, 2), stderr: [/column|field|length/i] };
    },
  },
  {
    name: 'an unclosed quote (the line where the quote opens)',
    code: 1,
    setup: ({ file }) => {
      const f = file(
        'quote.csv',
        csv('XVIII-16,AGO,ratification,2026-06-15,,https://example.org/x,', `${VALID}"unclosed note`, 'XVIII-16,AUS,ratification,2026-06-15,,https://example.org/x,', 'XVIII-16,AUT,ratification,2026-06-15,,https://example.org/x,'),
      );
      return { args: ['import', f], first: at(f, 3), stderr: [/quote/i] };
    },
  },
  {
    name: 'an impossible date, 2025-02-30',
    code: 1,
    setup: ({ file }) => {
      const f = file('feb30.csv', csv('XVIII-16,VNM,ratification,2025-02-30,,https://example.org/x,'));
      return { args: ['import', f], first: at(f, 2), stderr: [/date/, /2025-02-30/] };
    },
  },
  {
    name: 'a date in another format, 25/10/2025',
    code: 1,
    setup: ({ file }) => {
      const f = file('format.csv', csv('XVIII-16,VNM,ratification,25/10/2025,,https://example.org/x,'));
      return { args: ['import', f], first: at(f, 2), stderr: [/25\/10\/2025/] };
    },
  },
  {
    name: 'an unknown participant code',
    code: 1,
    setup: ({ file }) => {
      const f = file('participant.csv', csv(VALID, 'XVIII-16,XXX,ratification,2026-06-15,,https://example.org/x,'));
      return { args: ['import', f], first: at(f, 3), stderr: [/participant/, /"XXX"/] };
    },
  },
  {
    name: 'an unknown action',
    code: 1,
    setup: ({ file }) => {
      const f = file('action.csv', csv('XVIII-16,VNM,ratify,2026-06-15,,https://example.org/x,'));
      return { args: ['import', f], first: at(f, 2), stderr: [/action/, /"ratify"/] };
    },
  },
  {
    name: 'an action the treaty does not know (succession for XVIII-16)',
    code: 1,
    setup: ({ file }) => {
      const f = file('succession.csv', csv('XVIII-16,VNM,succession,2026-06-15,,https://example.org/x,'));
      return { args: ['import', f], first: at(f, 2), stderr: [/"succession"/, /XVIII-16/] };
    },
  },
  {
    name: 'an unknown treaty id',
    code: 1,
    setup: ({ file }) => {
      const f = file('treaty.csv', csv('XVIII-99,VNM,ratification,2026-06-15,,https://example.org/x,'));
      return { args: ['import', f], first: at(f, 2), stderr: [/treaty/, /XVIII-99/] };
    },
  },
  {
    name: 'a date before the treaty opened for signature',
    code: 1,
    setup: ({ file }) => {
      const f = file('early.csv', csv('XVIII-16,VNM,signature,2025-10-01,,https://example.org/x,'));
      return { args: ['import', f], first: at(f, 2), stderr: [/2025-10-01/, /2025-10-25/] };
    },
  },
  {
    name: 'the same row twice in one file',
    code: 1,
    setup: ({ file }) => {
      const f = file('twice.csv', csv('XVIII-16,AGO,ratification,2026-06-15,,https://example.org/x,', VALID, VALID));
      return { args: ['import', f], first: at(f, 4), stderr: [new RegExp(`${escapeRegExp(f)}:3`)] };
    },
  },
  {
    name: 'the same row in two files of one call (neither lands)',
    code: 1,
    setup: ({ file }) => {
      const a = file('a.csv', csv(VALID));
      const b = file('b.csv', csv('XVIII-16,AGO,ratification,2026-06-15,,https://example.org/x,', VALID));
      return { args: ['import', a, b], first: at(b, 3), stderr: [new RegExp(`${escapeRegExp(a)}:2`)] };
    },
  },
  {
    name: 'a good file together with a file of an unknown participant (the good one does not land)',
    code: 1,
    setup: ({ file }) => {
      const good = file('good.csv', csv(VALID));
      const bad = file('bad.csv', csv('XVIII-16,XXX,ratification,2026-06-15,,https://example.org/x,'));
      return { args: ['import', good, bad], first: at(bad, 2), stderr: [/"XXX"/] };
    },
  },
  {
    name: 'a good file together with a file that cannot be parsed (the good one does not land)',
    code: 1,
    setup: ({ file }) => {
      const good = file('good.csv', csv(VALID));
      const bad = file('bad.csv', csv('XVIII-16,AGO,ratification,2026-06-15,,https://example.org/x,,'));
      return { args: ['import', good, bad], first: at(bad, 2) };
    },
  },
  {
    name: 'a good file together with a file that does not exist (the good one does not land)',
    code: 1,
    setup: ({ file, dir }) => {
      const good = file('good.csv', csv(VALID));
      const missing = join(dir, 'missing.csv');
      return { args: ['import', good, missing], first: new RegExp(`^error: .*${escapeRegExp(missing)}.*(no such file|does not exist|not found)`) };
    },
  },
  {
    name: 'a conflict with a stored action (another signature date) without --replace',
    code: 1,
    setup: ({ file }) => {
      const f = file('conflict.csv', csv('XVIII-16,VNM,signature,2025-10-26,,https://example.org/x,'));
      return { args: ['import', f], first: at(f, 2), stderr: [/2025-10-25/, /2025-10-26/, /--replace/] };
    },
  },
  {
    name: 'an empty file',
    code: 1,
    setup: ({ file }) => {
      const f = file('empty.csv', '');
      return { args: ['import', f], first: at(f), stderr: [/empty/] };
    },
  },
  {
    name: 'a file of only whitespace',
    code: 1,
    setup: ({ file }) => {
      const f = file('blank.csv', '  \n\t\n \r\n');
      return { args: ['import', f], first: at(f), stderr: [/empty/] };
    },
  },
  {
    name: 'invalid UTF-8 (a Latin-1 é on line 3): names the line and the bad byte',
    code: 1,
    setup: ({ file }) => {
      const text = Buffer.from(csv('XVIII-16,AGO,ratification,2026-06-15,,https://example.org/x,', `${VALID}café`), 'latin1');
      const f = file('latin1.csv', text);
      return { args: ['import', f], first: at(f, 3), stderr: [/UTF-8/, /0xe9/i] };
    },
  },
  {
    name: 'a binary file with NUL bytes',
    code: 1,
    setup: ({ file }) => {
      const f = file('binary.csv', Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x0a])]));
      return { args: ['import', f], first: at(f), stderr: [/not a text file|NUL|binary/i] };
    },
  },
  {
    name: 'a missing header column',
    code: 1,
    setup: ({ file }) => {
      const f = file('missing-column.csv', 'treaty,code,action,date,reference,source\nXVIII-16,VNM,ratification,2026-06-15,,https://example.org/x\n');
      return { args: ['import', f], first: at(f, 1), stderr: [/missing/, /"note"/] };
    },
  },
  {
    name: 'an unknown extra column',
    code: 1,
    setup: ({ file }) => {
      const f = file('extra-column.csv', `${HEADER},extra\n${VALID},1\n`);
      return { args: ['import', f], first: at(f, 1), stderr: [/unknown column "extra"/] };
    },
  },
  {
    name: 'a duplicated header column (CSV)',
    code: 1,
    setup: ({ file }) => {
      const f = file('duplicate-column.csv', `${HEADER},code\n${VALID},AGO\n`);
      return { args: ['import', f], first: at(f, 1), stderr: [/"code"/, /twice|duplicate|more than once/] };
    },
  },
  {
    name: 'a duplicated header column (TSV): the second "code" must not silently win',
    code: 1,
    setup: ({ file }) => {
      const f = file('duplicate-column.tsv', `${TSV_HEADER}\tcode\nXVIII-16\tVNM\tratification\t2026-06-15\t\t${SOURCE}\t\tAGO\n`);
      return { args: ['import', f], first: at(f, 1), stderr: [/"code"/, /twice|duplicate|more than once/] };
    },
  },
  {
    name: 'a missing source',
    code: 1,
    setup: ({ file }) => {
      const f = file('no-source.csv', csv('XVIII-16,VNM,ratification,2026-06-15,,,'));
      return { args: ['import', f], first: at(f, 2), stderr: [/source/] };
    },
  },
  {
    name: 'a source that is not a URL',
    code: 1,
    setup: ({ file }) => {
      const f = file('bad-source.csv', csv('XVIII-16,VNM,ratification,2026-06-15,,the UN website,'));
      return { args: ['import', f], first: at(f, 2), stderr: [/source/, /http/] };
    },
  },
  {
    name: 'a source that is not http(s) (ftp://)',
    code: 1,
    setup: ({ file }) => {
      const f = file('ftp-source.csv', csv('XVIII-16,VNM,ratification,2026-06-15,,ftp://example.org/x,'));
      return { args: ['import', f], first: at(f, 2), stderr: [/source/, /http/] };
    },
  },
  {
    name: 'JSON that is an object, not an array',
    code: 1,
    setup: ({ file }) => {
      const f = file('object.json', `${JSON.stringify(VALID_JSON)}\n`);
      return { args: ['import', f], first: at(f), stderr: [/array/] };
    },
  },
  {
    name: 'JSON that is an array of numbers',
    code: 1,
    setup: ({ file }) => {
      const f = file('numbers.json', '[1, 2, 3]\n');
      return { args: ['import', f], first: new RegExp(`^error: ${escapeRegExp(f)}: item 1: `), stderr: [/object/] };
    },
  },
  {
    name: 'JSON with an item that has an unknown key',
    code: 1,
    setup: ({ file }) => {
      const f = file('key.json', `${JSON.stringify([VALID_JSON, { ...VALID_JSON, code: 'AGO', extra: 1 }], null, 2)}\n`);
      return { args: ['import', f], first: new RegExp(`^error: ${escapeRegExp(f)}: item 2: `), stderr: [/"extra"/] };
    },
  },
  {
    name: 'JSON with a value of the wrong type (a number for the date)',
    code: 1,
    setup: ({ file }) => {
      const f = file('type.json', `${JSON.stringify([{ ...VALID_JSON, date: 20260615 }])}\n`);
      return { args: ['import', f], first: new RegExp(`^error: ${escapeRegExp(f)}: item 1: `), stderr: [/date/] };
    },
  },
  {
    name: 'a JSON syntax error (a trailing comma): line and column',
    code: 1,
    setup: ({ file }) => {
      const f = file('comma.json', '[\n  {\n    "treaty": "XVIII-16",\n    "code": "VNM",\n  }\n]\n');
      return { args: ['import', f], first: at(f, 5, 3), stderr: [/JSON/] };
    },
  },
  {
    name: 'a JSON syntax error (an unquoted value on line 4): line and column, on one line',
    code: 1,
    setup: ({ file }) => {
      const f = file('token.json', '[\n  {\n    "treaty": "XVIII-16",\n    "code": oops\n  }\n]\n');
      return { args: ['import', f], first: at(f, 4, 13), stderr: [/JSON/] };
    },
  },
  {
    name: 'NDJSON with a bad line: its line number',
    code: 1,
    setup: ({ file }) => {
      const f = file('bad.ndjson', `${JSON.stringify(VALID_JSON)}\n\n{"treaty": oops}\n${JSON.stringify({ ...VALID_JSON, code: 'AGO' })}\n`);
      return { args: ['import', f], first: at(f, 3), stderr: [/JSON/] };
    },
  },
  {
    name: 'NDJSON with a line that is not an object',
    code: 1,
    setup: ({ file }) => {
      const f = file('array.ndjson', `${JSON.stringify(VALID_JSON)}\n[1, 2]\n`);
      return { args: ['import', f], first: at(f, 2), stderr: [/object/] };
    },
  },
  {
    name: 'TSV with a wrong number of fields',
    code: 1,
    setup: ({ file }) => {
      const f = file('fields.tsv', `${TSV_HEADER}\n${VALID_TSV}\nXVIII-16\tAGO\tratification\t2026-06-15\t\t${SOURCE}\n`);
      return { args: ['import', f], first: at(f, 3), stderr: [/column|field|length/i] };
    },
  },
  {
    name: 'XML with a DOCTYPE and nested internal entities (billion laughs)',
    code: 1,
    setup: ({ file }) => {
      const entities = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)];
      const xml = mtdsgXml([{ name: 'Viet Nam', signature: '2025-10-25' }])
        .replace(XML_DECLARATION, `${XML_DECLARATION}\n<!DOCTYPE Document [\n${entities.join('\n')}\n]>`)
        .replace('<Entry>Viet Nam</Entry>', '<Entry>&lol9;</Entry>');
      const f = file('laughs.xml', xml);
      return { args: ['import', f], first: at(f), stderr: [/DOCTYPE|entit/i] };
    },
  },
  {
    name: 'XML with an entity that reads a SYSTEM file',
    code: 1,
    setup: ({ file }) => {
      const xml = mtdsgXml([{ name: 'Viet Nam', signature: '2025-10-25' }])
        .replace(XML_DECLARATION, `${XML_DECLARATION}\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`)
        .replace('<Entry>Viet Nam</Entry>', '<Entry>&xxe;</Entry>');
      const f = file('system.xml', xml);
      return { args: ['import', f], first: at(f), stderr: [/DOCTYPE|entit/i] };
    },
  },
  {
    name: 'XML whose DOCTYPE and entity declaration hide a control byte (removed before parsing)',
    code: 1,
    setup: ({ file }) => {
      const xml = mtdsgXml([{ name: 'Viet Nam', signature: '2025-10-25' }, { name: 'Canada', signature: '2026-07-01' }]).replace(
        XML_DECLARATION,
        `${XML_DECLARATION}\n<!DOC\x01TYPE Document [<!ENT\x01ITY vn "Viet Nam">]>`,
      );
      const f = file('hidden-doctype.xml', xml);
      return { args: ['import', f], first: at(f), stderr: [/DOCTYPE|entit/i] };
    },
  },
  {
    name: 'truncated XML (cut mid-way, inside a tag)',
    code: 1,
    setup: ({ file }) => {
      const xml = mtdsgXml([{ name: 'Viet Nam', signature: '2025-10-25' }, { name: 'Canada', signature: '2026-07-01' }]);
      const f = file('cut.xml', xml.slice(0, Math.floor(xml.length / 2)));
      return { args: ['import', f], first: new RegExp(`^error: ${escapeRegExp(f)}:\\d+:\\d+: `), stderr: [/well-formed|XML|truncated/] };
    },
  },
  {
    name: 'truncated XML (cut after a whole line, elements left open): no line 1:1, no internal dump',
    code: 1,
    setup: ({ file }) => {
      const lines = mtdsgXml([{ name: 'Viet Nam', signature: '2025-10-25' }, { name: 'Canada', signature: '2026-07-01' }]).split('\n');
      const cut = lines.findIndex((l) => l.includes('Canada'));
      const f = file('open.xml', `${lines.slice(0, cut + 1).join('\n')}\n`);
      return { args: ['import', f], first: new RegExp(`^error: ${escapeRegExp(f)}(?!:1:1:)(:\\d+(:\\d+)?)?: (?!.*\\[\\s*"Document")`), stderr: [/well-formed|unclosed|not closed|ends|truncated|incomplete/i] };
    },
  },
  {
    name: 'XML of a treaty that is not in the database',
    code: 1,
    setup: ({ file }) => {
      const f = file('other-treaty.xml', mtdsgXml([{ name: 'Viet Nam', signature: '2025-10-25' }], { chapter: 'IV', number: '99' }));
      return { args: ['import', f], first: at(f), stderr: [/IV-99/, /not in the database/] };
    },
  },
  {
    name: 'XML whose root is not Document/Treaty',
    code: 1,
    setup: ({ file }) => {
      const f = file('html.xml', `${XML_DECLARATION}\n<html><body><p>Status of treaties</p></body></html>\n`);
      return { args: ['import', f], first: at(f), stderr: [/Document\/Treaty|status page/] };
    },
  },
  {
    name: 'an XML participant name that is not in the database',
    code: 1,
    setup: ({ file }) => {
      const f = file('atlantis.xml', mtdsgXml([{ name: 'Viet Nam', signature: '2025-10-25' }, { name: 'Atlantis', signature: '2025-10-26' }]));
      return { args: ['import', f], first: at(f), stderr: [/Atlantis/, /row 2/] };
    },
  },
  {
    name: 'XML with a date that does not exist in a cell',
    code: 1,
    setup: ({ file }) => {
      const f = file('date.xml', mtdsgXml([{ name: 'Viet Nam', signature: '2025-10-25' }]).replace('25 Oct 2025', '30 Feb 2026'));
      return { args: ['import', f], first: at(f), stderr: [/30 Feb 2026/] };
    },
  },
  {
    name: 'a file that does not exist',
    code: 1,
    setup: ({ dir }) => {
      const missing = join(dir, 'nowhere.csv');
      return { args: ['import', missing], first: new RegExp(`^error: .*${escapeRegExp(missing)}.*(no such file|does not exist|not found)`) };
    },
  },
  {
    name: 'a directory given as a file',
    code: 1,
    setup: ({ dir }) => {
      const folder = join(dir, 'folder.csv');
      mkdirSync(folder);
      return { args: ['import', folder], first: new RegExp(`^error: .*${escapeRegExp(folder)}.*directory`) };
    },
  },
  {
    name: '50 MB of random bytes',
    code: 1,
    guarded: true,
    setup: ({ file }) => {
      const f = file('junk.bin', randomBytes(MB50));
      // About one file in a hundred starts with "<" after bytes that read as spaces: taken for a status
      // page, it is refused by the page's size cap before any byte is read as XML.
      return { args: ['import', f], first: new RegExp(`^error: (cannot read )?${escapeRegExp(f)}: `) };
    },
  },
  {
    name: '50 MB of random bytes with no NUL among them',
    code: 1,
    guarded: true,
    setup: ({ file }) => {
      const junk = randomBytes(MB50);
      for (let i = 0; i < junk.length; i++) if (junk[i] === 0) junk[i] = 0xff; // a loop, not .map: 50 M callbacks take seconds
      const f = file('junk.csv', junk);
      return { args: ['import', f], first: new RegExp(`^error: ${escapeRegExp(f)}(:\\d+)?: `) };
    },
  },
  {
    name: '50 MB of text on a single line',
    code: 1,
    guarded: true,
    setup: ({ file }) => {
      const f = file('junk.csv', Buffer.alloc(MB50, 'lorem ipsum dolor sit amet '));
      return { args: ['import', f], first: new RegExp(`^error: ${escapeRegExp(f)}(:1)?: `) };
    },
  },
  {
    name: '50 MB of junk lines',
    code: 1,
    guarded: true,
    setup: ({ file }) => {
      const f = file('junk.txt', Buffer.alloc(MB50, 'lorem,ipsum;dolor"sit amet\n'));
      return { args: ['import', f], first: new RegExp(`^error: ${escapeRegExp(f)}(:1)?: `) };
    },
  },
  {
    name: '--input-format xml on a CSV file',
    code: 1,
    setup: ({ file }) => {
      const f = file('rows.csv', csv(VALID));
      return { args: ['import', '--input-format', 'xml', f], first: at(f, 1, 1), stderr: [/XML/] };
    },
  },
  {
    name: '--input-format json on a CSV file',
    code: 1,
    setup: ({ file }) => {
      const f = file('rows.csv', csv(VALID));
      return { args: ['import', '--input-format', 'json', f], first: new RegExp(`^error: ${escapeRegExp(f)}:1(:\\d+)?: `), stderr: [/JSON/] };
    },
  },
  {
    name: '--input-format foo',
    code: 2,
    setup: ({ file }) => {
      const f = file('rows.csv', csv(VALID));
      return { args: ['import', '--input-format', 'foo', f], first: /--input-format/, stderr: [/"foo"/] };
    },
  },
  {
    name: 'no file at all',
    code: 2,
    setup: () => ({ args: ['import'], first: /file/ }),
  },
  {
    name: '--source that is not a URL, for an XML status page',
    code: 2,
    setup: ({ file }) => {
      const f = file('page.xml', mtdsgXml([{ name: 'Canada', signature: '2026-07-01' }]));
      return { args: ['import', f, '--source', 'the UN website'], first: /--source/ };
    },
  },
];

const RECORD_CASES: BadCase[] = [
  {
    name: 'an unknown participant, with a "did you mean" hint',
    code: 1,
    setup: () => ({ args: ['record', 'Viet Namm', 'ratification', '2026-06-15', '--source', SOURCE], first: /unknown participant "Viet Namm"/, stderr: [/^hint: did you mean .*"Viet Nam"/m] }),
  },
  {
    name: 'a participant that no name comes near',
    code: 1,
    setup: () => ({ args: ['record', 'Atlantis', 'ratification', '2026-06-15', '--source', SOURCE], first: /unknown participant "Atlantis"/ }),
  },
  {
    name: 'an ambiguous name, "Korea"',
    code: 1,
    setup: () => ({ args: ['record', 'Korea', 'ratification', '2026-06-15', '--source', SOURCE], first: /"Korea"/, stderr: [/Democratic People's Republic of Korea/, /Republic of Korea" \(KR\)/] }),
  },
  {
    name: 'an impossible date',
    code: 2,
    setup: () => ({ args: ['record', 'VNM', 'ratification', '2026-02-30', '--source', SOURCE], first: /"2026-02-30"/ }),
  },
  {
    name: 'a date in another format',
    code: 2,
    setup: () => ({ args: ['record', 'VNM', 'ratification', '15/06/2026', '--source', SOURCE], first: /"15\/06\/2026"/ }),
  },
  {
    name: 'an unknown action',
    // A word not in the list of actions is a usage error (issue 15), the actions named on the line.
    code: 2,
    setup: () => ({ args: ['record', 'VNM', 'ratify', '2026-06-15', '--source', SOURCE], first: /^error: record <action>: expected one of signature, ratification, .*, got "ratify"$/ }),
  },
  {
    name: 'an action the treaty does not know',
    code: 1,
    setup: () => ({ args: ['record', 'VNM', 'succession', '2026-06-15', '--source', SOURCE], first: /"succession"/ }),
  },
  {
    name: 'no --source',
    code: 2,
    setup: () => ({ args: ['record', 'VNM', 'ratification', '2026-06-15'], first: /--source/ }),
  },
  {
    name: 'a --source that is not a URL',
    code: 2,
    setup: () => ({ args: ['record', 'VNM', 'ratification', '2026-06-15', '--source', 'a newspaper'], first: /--source/, stderr: [/"a newspaper"/] }),
  },
  {
    name: 'an empty --source',
    code: 2,
    setup: () => ({ args: ['record', 'VNM', 'ratification', '2026-06-15', '--source', ''], first: /--source/ }),
  },
  {
    name: 'a --source that is not http(s)',
    code: 2,
    setup: () => ({ args: ['record', 'VNM', 'ratification', '2026-06-15', '--source', 'file:///etc/passwd'], first: /--source/ }),
  },
  {
    name: 'an action dated before the treaty opened',
    code: 1,
    setup: () => ({ args: ['record', 'VNM', 'ratification', '2025-10-01', '--source', SOURCE], first: /2025-10-01/, stderr: [/2025-10-25/] }),
  },
  {
    name: 'another date for a stored action, without --replace',
    code: 1,
    setup: () => ({ args: ['record', 'Viet Nam', 'signature', '2025-10-26', '--source', SOURCE], first: /2025-10-25/, stderr: [/^hint: .*--replace/m] }),
  },
  {
    name: 'an unknown treaty',
    code: 1,
    setup: () => ({ args: ['record', 'VNM', 'ratification', '2026-06-15', '--source', SOURCE, '--treaty', 'XVIII-99'], first: /"XVIII-99"/ }),
  },
];

async function refuses(c: BadCase): Promise<void> {
  const f = fresh();
  const { args, first, stderr = [] } = c.setup(f);
  const r = c.guarded ? await runGuarded(args, f.env) : await runMain(args, f.env);
  expectRefused(r, c.code, first);
  for (const pattern of stderr) expect(r.stderr).toMatch(pattern);
  await expectDatabaseUnchanged(f.env);
}

describe('treaty import refuses bad input and changes nothing', () => {
  // One test per case, named in full (it.each would shorten long names in the report).
  for (const c of IMPORT_CASES) it(c.name, () => refuses(c));
});

describe('treaty record refuses bad input and changes nothing', () => {
  for (const c of RECORD_CASES) it(c.name, () => refuses(c));
});

describe('treaty import accepts inputs that only look odd', () => {
  const exported = async (env: Record<string, string>) => {
    const r = await runMain(['export', '--json'], env);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>[];
  };
  const vietNamRatification = async (env: Record<string, string>) => (await exported(env)).filter((a) => a.code === 'VNM' && a.action === 'ratification');

  it('reads a CSV that starts with a UTF-8 BOM', async () => {
    const { env, file } = fresh();
    const f = file('bom.csv', `\uFEFF${csv(VALID)}`);
    const r = await runMain(['import', f], env);
    expect(r.stderr).toBe(`imported from ${f}: 1 added, 0 changed, 0 removed, 0 unchanged\n`);
    expect(r.code).toBe(0);
    expect(await vietNamRatification(env)).toEqual([{ ...VALID_JSON }]);
  });

  it('reads a CSV with CRLF line endings, keeping no carriage return in the values', async () => {
    const { env, file } = fresh();
    const f = file('crlf.csv', `${HEADER}\r\nXVIII-16,VNM,ratification,2026-06-15,C.N.1.2026,${SOURCE},a note\r\n`);
    const r = await runMain(['import', f], env);
    expect(r.stderr).toBe(`imported from ${f}: 1 added, 0 changed, 0 removed, 0 unchanged\n`);
    expect(r.code).toBe(0);
    expect(await vietNamRatification(env)).toEqual([{ ...VALID_JSON, reference: 'C.N.1.2026', note: 'a note' }]);
  });

  it('reads a TSV with a BOM and CRLF line endings', async () => {
    const { env, file } = fresh();
    const f = file('bom-crlf.tsv', `\uFEFF${TSV_HEADER}\r\nXVIII-16\tVNM\tratification\t2026-06-15\t\t${SOURCE}\ta note\r\n`);
    const r = await runMain(['import', f], env);
    expect(r.stderr).toBe(`imported from ${f}: 1 added, 0 changed, 0 removed, 0 unchanged\n`);
    expect(r.code).toBe(0);
    expect(await vietNamRatification(env)).toEqual([{ ...VALID_JSON, note: 'a note' }]);
  });

  it('takes a CSV with only its header as nothing to import', async () => {
    const { env, file } = fresh();
    const f = file('header-only.csv', `${HEADER}\n`);
    const r = await runMain(['import', f], env);
    expect(r).toEqual({ code: 0, stdout: '', stderr: `no change from ${f}: 0 added, 0 changed, 0 removed, 0 unchanged\n` });
    await expectDatabaseUnchanged(env);
  });

  it('takes an empty JSON array as nothing to import', async () => {
    const { env, file } = fresh();
    const f = file('empty.json', '[]\n');
    const r = await runMain(['import', f], env);
    expect(r).toEqual({ code: 0, stdout: '', stderr: `no change from ${f}: 0 added, 0 changed, 0 removed, 0 unchanged\n` });
    await expectDatabaseUnchanged(env);
  });

  it('imports the same file twice: the second time is "no change" and leaves the database as it was', async () => {
    const { env, file } = fresh();
    const f = file('twice.csv', csv(VALID, 'XVIII-16,AGO,ratification,2026-07-01,,https://example.org/y,a note'));
    const first = await runMain(['import', f], env);
    expect(first.stderr).toBe(`imported from ${f}: 2 added, 0 changed, 0 removed, 0 unchanged\n`);
    expect(first.code).toBe(0);
    const afterFirst = await dump(env);
    expect(afterFirst.fingerprint).not.toBe(template.dump.fingerprint);
    expect(afterFirst.actions).toContain(`${VALID}\n`);
    const second = await runMain(['import', f], env);
    expect(second).toEqual({ code: 0, stdout: '', stderr: `no change from ${f}: 0 added, 0 changed, 0 removed, 2 unchanged\n` });
    expect(await dump(env)).toEqual(afterFirst);
  });
});
