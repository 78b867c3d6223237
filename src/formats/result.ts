// What every command returns. Commands never print; src/formats/render.ts turns a result into text.
import type { TreatyDefinition } from '../domain/model.js';
import type { TreatyStatus } from '../domain/status.js';

export type Cell = string | number | boolean | null;

export interface ListResult {
  kind: 'list';
  columns: readonly string[];
  rows: readonly Record<string, Cell>[];
}

export interface StatusResult {
  kind: 'status';
  status: TreatyStatus;
  /** The definition behind the figures, for the people's view (rule in words, snapshot source). */
  treaty: TreatyDefinition;
}

export type Result = ListResult | StatusResult;
