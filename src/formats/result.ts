// What every command returns. Commands never print; src/formats/render.ts turns a result into text.
import type { TreatyDefinition } from '../domain/model.js';
import type { Explanation } from '../domain/explain.js';
import type { RegionRow } from '../domain/regions.js';
import type { Report } from '../domain/reports.js';
import type { SeriesPoint } from '../domain/series.js';
import type { ParticipantState, TreatyStatus } from '../domain/status.js';

/** A list (a treaty's aliases) is an array: JSON keeps it one, CSV and TSV join it with ";". */
export type Cell = string | number | boolean | null | readonly string[];
export type Row = Record<string, Cell>;

export interface ListResult {
  kind: 'list';
  columns: readonly string[];
  /**
   * An array, or rows read from the database while they are written out (`changes --rows`, `undo`):
   * machine formats write them one at a time; a table, which measures its columns, holds the ones it shows.
   */
  rows: readonly Row[] | Iterable<Row>;
  /** Called once the output layer is done with streamed rows (closes what they are read from). */
  release?(): void;
  /**
   * A one-line summary for people, shown on stderr under a table (never in machine formats); a
   * function when it counts streamed rows, called once they are written.
   */
  notice?: string | (() => string);
  /** Show the notice on stderr whatever the format: a write says what it did. */
  noticeAlways?: boolean;
  /** The line a table shows for no rows (default "No rows."; its newline is added; "" shows nothing). */
  emptyText?: string;
  /** For people, the values alone, one row a line, tab-separated (a path, a file name). */
  plain?: boolean;
  /** A table shows at most this many rows (the machine formats show all). */
  tableLimit?: number;
  /** How many rows there are when `rows` lists only some of them (an import lists up to 10,000 of each kind). */
  total?: number;
  /** The process's exit code when not 0: `treaty changes` says "nothing new" with 3. */
  exitCode?: number;
  /**
   * What the command keeps only once the whole output has been written (`changes --since-last`
   * moves its marker): `commit` after a complete write, `abandon` when the output failed.
   */
  delivery?: { commit(): void; abandon(): void };
}

/** A list whose rows are held: what a table draws; `omitted` counts streamed rows past its limit, read but not kept. */
export type HeldList = ListResult & { rows: readonly Row[]; omitted?: number };

export interface StatusResult {
  kind: 'status';
  status: TreatyStatus;
  /** The definition behind the figures, for the people's view (rule in words, snapshot source). */
  treaty: TreatyDefinition;
  /** For what-if: the hypothetical deposits behind the figures, and what they change, in one line. */
  whatIf?: {
    hypotheses: readonly Row[];
    explanation: string;
    /** `--add N --on DATE`: the codes of its stand-ins, which people read as one sentence, not N lines. */
    anonymous?: { codes: readonly string[]; on: string } | undefined;
  };
}

/** A treaty's rule and the arithmetic of its date (treaty explain). */
export interface ExplainResult {
  kind: 'explain';
  explanation: Explanation;
}

/** Cumulative counts by date (treaty timeline): a chart for people, the series for programs. */
export interface TimelineResult {
  kind: 'timeline';
  treaty: string;
  title: string;
  opens_on: string;
  as_of: string;
  threshold: number;
  entry_into_force_on: string | null;
  /** The data's date when before as_of: counts after it are unknown. */
  data_as_of: string;
  /** The last point has null counts when the data ends before as_of. */
  series: { date: string; signatories: number | null; counted: number | null }[];
}

/** Text in a format of its own (an iCalendar file): printed as it is. */
export interface TextResult {
  kind: 'text';
  text: string;
}

export interface HistoryResult {
  kind: 'history';
  /** Each participant asked for, with where it stands in each treaty: the heading of its table. */
  participants: readonly { code: string; name: string; treaties: readonly Row[]; reports?: readonly Row[] }[];
  /** Every action, one row each: what the machine formats print. */
  list: HeldList;
}

/**
 * Rows read from the database while they are written out, so a large export never sits in memory
 * whole. `release` closes the database once the output layer is done with them.
 */
export interface StreamResult {
  kind: 'stream';
  columns: readonly string[];
  rows: Iterable<Row>;
  release(): void;
}

export type Result = ListResult | StatusResult | HistoryResult | StreamResult | ExplainResult | TextResult | TimelineResult;

/** The list a result gives to machine formats. */
export function listOf(result: ListResult | HistoryResult): ListResult {
  return result.kind === 'list' ? result : result.list;
}

/** A participant in the report's table: its state, and every address its facts come from. */
export interface ReportParticipant extends ParticipantState {
  sources: string[];
}

/** One treaty's part of `treaty report`: the status box, the chart, the regions, the table. */
export interface ReportSection {
  treaty: TreatyDefinition;
  status: TreatyStatus;
  series: SeriesPoint[];
  /** The data's last day (at most the as-of date): the chart stops there and shows the rest as unknown. */
  data_end?: string;
  regions: RegionRow[];
  /** Participants that have done something, in name order. */
  participants: ReportParticipant[];
  /** Names of those that have done nothing, in name order (with any report about them). */
  not_yet: string[];
  /** Claims by sources other than the depositary, in date order, each with its words: shown apart, never counted. */
  reports?: readonly (Report & { words: string })[];
}

/**
 * `treaty report`: an HTML page, written by its own module (formats/report-html.ts) so that its
 * chart libraries load only for this command.
 */
export interface ReportResult {
  kind: 'report';
  as_of: string;
  /** The day the report was made. */
  made_on: string;
  version: string;
  sections: ReportSection[];
}
