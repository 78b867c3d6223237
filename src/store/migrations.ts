// The schema, one step per version. A step never changes once released: a new need is a new step.

/** PRAGMA application_id of a treaty database ("TRTY"), so a foreign SQLite file is never taken for ours. */
export const APPLICATION_ID = 0x54525459;

const DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'";

/** The actions of DESIGN §3 as of schema 1. */
const SCHEMA_1_ACTIONS = [
  'signature', 'ratification', 'acceptance', 'approval', 'accession', 'succession', 'definitive_signature',
  'denunciation', 'withdrawal', 'declaration', 'reservation', 'objection',
];

/** The actions table as schema 1 made it and schema 4 remade it: only the allowed actions differ. */
function actionsTable(name: string, allowed: readonly string[]): string {
  return `CREATE TABLE ${name} (
        id INTEGER PRIMARY KEY,
        treaty TEXT NOT NULL REFERENCES treaties(id),
        code TEXT NOT NULL REFERENCES participants(code),
        action TEXT NOT NULL CHECK (action IN (${allowed.map((a) => `'${a}'`).join(', ')})),
        date TEXT NOT NULL CHECK (date ${DATE}),
        reference TEXT,
        source TEXT NOT NULL,
        note TEXT,
        UNIQUE (treaty, code, action, date)
      ) STRICT;`;
}

/** The actions the current schema allows (a test keeps this equal to ACTIONS). */
export const SCHEMA_4_ACTIONS = [...SCHEMA_1_ACTIONS, 'domestic_approval', 'domestic_law', 'announcement'];

/** The check codes schema 5 allows (a test keeps this equal to STORED_CHECK_CODES). */
export const SCHEMA_5_CHECK_CODES = ['signatories_differ', 'parties_differ', 'entry_into_force_differs', 'data_stale', 'dates_unknown', 'projection_refused'];

/** Schema 6 adds the actions the depositary's legends define (formal confirmation, participation...). */
export const SCHEMA_6_ACTIONS = [
  ...SCHEMA_4_ACTIONS,
  'formal_confirmation', 'participation', 'consent_to_be_bound', 'simplified_procedure', 'application', 'notification',
  'provisional_application', 'extension',
];

/**
 * SQLite cannot alter a CHECK: a wider list of actions rebuilds the table, keeping its rows and indexes.
 * The text it gives for a list never changes, so released migrations stay as they were.
 */
function rebuildActions(allowed: readonly string[]): string {
  return `
      ${actionsTable('actions_new', allowed)}
      INSERT INTO actions_new (id, treaty, code, action, date, reference, source, note)
        SELECT id, treaty, code, action, date, reference, source, note FROM actions;
      DROP TABLE actions;
      ALTER TABLE actions_new RENAME TO actions;
      CREATE INDEX actions_by_participant ON actions (code, treaty, date);
      CREATE INDEX actions_by_treaty_date ON actions (treaty, date, code, action);
    `;
}


/** A superseded twin: the table's columns without their constraints, and the set that replaced the row. */
function twin(name: string, columns: string): string {
  return `CREATE TABLE ${name}_superseded (
        ${columns},
        set_id INTEGER,
        superseded_by INTEGER NOT NULL REFERENCES change_sets(id)
      ) STRICT;
      CREATE INDEX ${name}_superseded_by ON ${name}_superseded (superseded_by);
      CREATE INDEX ${name}_superseded_set ON ${name}_superseded (set_id);`;
}

/** The set of the old log's latest row that wrote `key` of `entity` (before `upTo` when given). */
function writerOf(entity: string, key: string, upTo = ''): string {
  return `(SELECT m.set_id FROM changes p JOIN old_change_set m ON m.change = p.id
        WHERE p.entity = '${entity}' AND p.key = ${key} AND p.after IS NOT NULL${upTo ? ` AND p.id < ${upTo}` : ''} ORDER BY p.id DESC LIMIT 1)`;
}

const ACTION_KEY = (t: string) => `${t}.treaty || '|' || ${t}.code || '|' || ${t}.action || '|' || ${t}.date`;
const REPORT_KEY = (t: string) => `${t}.treaty || '|' || ${t}.claim || '|' || ${t}.date || '|' || coalesce(${t}.code, '') || '|' || ${t}.source`;

/** The old log's before-copies of one entity, as rows of a superseded twin. */
function supersededFromLog(table: string, entity: string, columns: readonly string[]): string {
  return `INSERT INTO ${table}_superseded (${columns.join(', ')}, set_id, superseded_by)
        SELECT ${columns.map((c) => `c.before ->> '$.${c}'`).join(', ')}, ${writerOf(entity, 'c.key', 'c.id')}, m.set_id
        FROM changes c JOIN old_change_set m ON m.change = c.id WHERE c.entity = '${entity}' AND c.before IS NOT NULL ORDER BY c.id;`;
}

const SCHEMA_7 = `
      CREATE TABLE change_sets (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        command TEXT NOT NULL,
        added INTEGER NOT NULL DEFAULT 0,
        changed INTEGER NOT NULL DEFAULT 0,
        removed INTEGER NOT NULL DEFAULT 0,
        undone_by INTEGER REFERENCES change_sets(id),
        undoes INTEGER REFERENCES change_sets(id),
        -- 1 for a set carried over from the old log that changed a treaty: the log kept only part of its
        -- row (the data date), so the set cannot be undone
        partial INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1))
      ) STRICT;
      INSERT INTO change_sets (at, command, added, changed, removed, partial)
        SELECT at, command, sum(before IS NULL), sum(before IS NOT NULL AND after IS NOT NULL), sum(after IS NULL), max(entity = 'treaty' AND before IS NOT NULL)
        FROM changes GROUP BY at, command ORDER BY min(id);
      CREATE TEMP TABLE old_change_set (change INTEGER PRIMARY KEY, set_id INTEGER NOT NULL);
      INSERT INTO old_change_set SELECT c.id, s.id FROM changes c JOIN change_sets s ON s.at = c.at AND s.command = c.command;
      CREATE INDEX changes_by_key ON changes (entity, key, id);

      ALTER TABLE treaties ADD COLUMN set_id INTEGER REFERENCES change_sets(id);
      ALTER TABLE treaty_aliases ADD COLUMN set_id INTEGER REFERENCES change_sets(id);
      ALTER TABLE participants ADD COLUMN set_id INTEGER REFERENCES change_sets(id);
      ALTER TABLE actions ADD COLUMN set_id INTEGER REFERENCES change_sets(id);
      ALTER TABLE published_in_force ADD COLUMN set_id INTEGER REFERENCES change_sets(id);
      ALTER TABLE reports ADD COLUMN set_id INTEGER REFERENCES change_sets(id);
      ALTER TABLE checks ADD COLUMN set_id INTEGER REFERENCES change_sets(id);
      UPDATE treaties SET set_id = ${writerOf('treaty', 'treaties.id')};
      -- aliases were written with their treaty and never logged: they belong to the set that made it
      UPDATE treaty_aliases SET set_id = (SELECT m.set_id FROM changes p JOIN old_change_set m ON m.change = p.id
        WHERE p.entity = 'treaty' AND p.key = treaty_aliases.treaty AND p.before IS NULL ORDER BY p.id LIMIT 1);
      UPDATE participants SET set_id = ${writerOf('participant', 'participants.code')};
      UPDATE actions SET set_id = ${writerOf('action', ACTION_KEY('actions'))};
      UPDATE published_in_force SET set_id = ${writerOf('published_in_force', "published_in_force.treaty || '|' || published_in_force.code")};
      UPDATE reports SET set_id = ${writerOf('report', REPORT_KEY('reports'))};
      UPDATE checks SET set_id = (SELECT max(s.id) FROM change_sets s WHERE s.at = checks.found_at AND s.command = checks.command);

      ${twin('treaties', 'id TEXT, short_title TEXT, title TEXT, data_as_of TEXT, definition TEXT')}
      ${twin('treaty_aliases', 'alias TEXT COLLATE NOCASE, treaty TEXT')}
      ${twin('participants', 'code TEXT, iso2 TEXT, name TEXT, short_name TEXT, aliases TEXT, kind TEXT, un_group TEXT, groups TEXT, source TEXT, note TEXT')}
      ${twin('actions', 'id INTEGER, treaty TEXT, code TEXT, action TEXT, date TEXT, reference TEXT, source TEXT, note TEXT')}
      ${twin('published_in_force', 'treaty TEXT, code TEXT, consent_type TEXT, in_force_on TEXT, party_by TEXT, source TEXT, note TEXT')}
      ${twin('reports', 'id INTEGER, treaty TEXT, date TEXT, precision TEXT, claim TEXT, code TEXT, count INTEGER, grade TEXT, source TEXT, note TEXT')}
      ${twin('checks', 'id INTEGER, treaty TEXT, code TEXT, detail TEXT, basis TEXT, found_at TEXT, command TEXT')}
      ${supersededFromLog('participants', 'participant', ['code', 'iso2', 'name', 'short_name', 'aliases', 'kind', 'un_group', 'groups', 'source', 'note'])}
      ${supersededFromLog('actions', 'action', ['treaty', 'code', 'action', 'date', 'reference', 'source', 'note'])}
      ${supersededFromLog('published_in_force', 'published_in_force', ['treaty', 'code', 'consent_type', 'in_force_on', 'party_by', 'source', 'note'])}
      ${supersededFromLog('reports', 'report', ['treaty', 'date', 'precision', 'claim', 'code', 'count', 'grade', 'source', 'note'])}

      DROP TABLE changes;
      DROP TABLE temp.old_change_set;
    `;

/** A step that rewrites rows, not only the schema: it runs on a write, after a copy of the file is made beside it. */
export interface Migration {
  version: number;
  sql: string;
  rewrites?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      CREATE TABLE treaties (
        id TEXT PRIMARY KEY,
        short_title TEXT NOT NULL,
        title TEXT NOT NULL,
        data_as_of TEXT NOT NULL CHECK (data_as_of ${DATE}),
        definition TEXT NOT NULL CHECK (json_valid(definition))
      ) STRICT;
      CREATE TABLE treaty_aliases (
        alias TEXT PRIMARY KEY COLLATE NOCASE,
        treaty TEXT NOT NULL REFERENCES treaties(id) ON DELETE CASCADE
      ) STRICT;
      CREATE TABLE participants (
        code TEXT PRIMARY KEY CHECK (length(code) = 3),
        iso2 TEXT UNIQUE CHECK (iso2 IS NULL OR length(iso2) = 2),
        name TEXT NOT NULL,
        short_name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL CHECK (kind IN ('state', 'reio')),
        un_group TEXT NOT NULL,
        groups TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        note TEXT
      ) STRICT;
      ${actionsTable('actions', SCHEMA_1_ACTIONS)}
      CREATE INDEX actions_by_participant ON actions (code, treaty, date);
      CREATE TABLE changes (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        command TEXT NOT NULL,
        entity TEXT NOT NULL,
        key TEXT NOT NULL,
        before TEXT CHECK (before IS NULL OR json_valid(before)),
        after TEXT CHECK (after IS NULL OR json_valid(after))
      ) STRICT;
      CREATE INDEX changes_by_time ON changes (at);
    `,
  },
  {
    // Parties whose consent date is unknown: the depositary's date of entry into force, or a date by which a source shows them a party.
    version: 2,
    sql: `
      CREATE TABLE published_in_force (
        treaty TEXT NOT NULL REFERENCES treaties(id),
        code TEXT NOT NULL REFERENCES participants(code),
        consent_type TEXT CHECK (consent_type IS NULL OR consent_type IN ('ratification', 'acceptance', 'approval', 'accession', 'succession', 'definitive_signature')),
        in_force_on TEXT CHECK (in_force_on ${DATE}),
        party_by TEXT CHECK (party_by ${DATE}),
        source TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (treaty, code),
        CHECK ((in_force_on IS NULL) <> (party_by IS NULL))
      ) STRICT;
    `,
  },
  {
    // Reads take a treaty's actions in date order: from this index, with no sort (EXPLAIN QUERY PLAN is tested).
    version: 3,
    sql: `
      CREATE INDEX actions_by_treaty_date ON actions (treaty, date, code, action);
    `,
  },
  {
    // Domestic steps (issue 10) widen the actions CHECK; SQLite cannot alter a CHECK, so the table is rebuilt.
    version: 4,
    sql: rebuildActions(SCHEMA_4_ACTIONS),
  },
  {
    // Reports (issue 19): counts and events claimed by sources other than the depositary, graded, never counted.
    version: 5,
    sql: `
      CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        treaty TEXT NOT NULL REFERENCES treaties(id) ON DELETE CASCADE,
        date TEXT NOT NULL CHECK (date ${DATE}),
        precision TEXT NOT NULL CHECK (precision IN ('day', 'month', 'year')),
        claim TEXT NOT NULL,
        code TEXT REFERENCES participants(code),
        count INTEGER CHECK (count IS NULL OR count >= 0),
        grade TEXT NOT NULL CHECK (grade IN ('depositary', 'official', 'news', 'blog', 'aggregator')),
        source TEXT NOT NULL,
        note TEXT,
        CHECK ((claim IN ('signatories', 'parties')) = (count IS NOT NULL AND code IS NULL)),
        UNIQUE (treaty, claim, date, code, source)
      ) STRICT;
      CREATE INDEX reports_by_treaty_date ON reports (treaty, date);
      -- Checks a write found that the data cannot recompute later (a status page's header against its table,
      -- the rule given to add against the depositary), kept while the data they were found on is unchanged.
      CREATE TABLE checks (
        id INTEGER PRIMARY KEY,
        treaty TEXT NOT NULL REFERENCES treaties(id) ON DELETE CASCADE,
        code TEXT NOT NULL CHECK (code IN (${SCHEMA_5_CHECK_CODES.map((c) => `'${c}'`).join(', ')})),
        detail TEXT NOT NULL CHECK (json_valid(detail)),
        basis TEXT NOT NULL,
        found_at TEXT NOT NULL,
        command TEXT NOT NULL,
        UNIQUE (treaty, code, detail)
      ) STRICT;
    `,
  },
  {
    // Every marker a status page's legend defines gets a word (issue 20): the CHECK widens, so the table is rebuilt.
    version: 6,
    sql: rebuildActions(SCHEMA_6_ACTIONS),
  },
  {
    // Change sets (issue 16): one row per write; each fact row carries the set that wrote it, and the old
    // version of a row a set changed or removed is kept in the table's twin. The old log's rows become
    // sets (one per command line and moment) and their before/after copies rows of those tables.
    version: 7,
    rewrites: true,
    sql: SCHEMA_7,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
