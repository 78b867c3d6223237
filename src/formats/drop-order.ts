// Which columns a table hides first when a terminal is too narrow for it. Long text goes first (a
// source address, a note, a reference, a row's JSON), then descriptions, then the less needed dates;
// identifiers, names, the main dates and the status are never hidden: below them the table turns
// into one record per block. The order is documented in the README ("Tables in a terminal").

const BY_COMMAND: Record<string, readonly string[]> = {
  participants: ['party_by', 'date_unknown', 'latest_step', 'latest_step_on', 'consent_type', 'un_group', 'kind', 'in_force_on'],
  history: ['source', 'note', 'reference'],
  export: ['source', 'note', 'reference'],
  treaties: ['checks', 'aliases', 'data_as_of', 'consents', 'signatories', 'remaining', 'threshold'],
  changes: ['after', 'before', 'command', 'table', 'undone'],
  pace: ['event'],
  texts: ['cited_by', 'heading', 'text', 'participant'],
};

/** After a command's own order, and for every other table (compare, the plans of record/import/remove/sync, add): by the column's kind. */
const LONG_TEXT = ['source', 'note', 'reference', 'before', 'after', 'command', 'aliases', 'event', 'why', 'checks'];
const DESCRIPTIVE = ['party_by', 'date_unknown', 'latest_step', 'latest_step_on', 'consent_type', 'un_group', 'kind', 'new_participants'];

export function dropOrder(command: string | undefined, columns: readonly string[]): readonly string[] {
  const own = (command !== undefined && BY_COMMAND[command]) || [];
  const later = columns.filter((c) => c.endsWith('in_force_on'));
  return [...new Set([...own, ...LONG_TEXT, ...DESCRIPTIVE, ...later])].filter((c) => columns.includes(c));
}

/** Columns of prose that wrap onto more lines in their cell rather than being shortened. */
const WRAPPED: Record<string, readonly string[]> = {
  db: ['value'],
};

export function wrappedColumns(command: string | undefined): readonly string[] {
  return (command !== undefined && WRAPPED[command]) || [];
}

/**
 * Long text that, when it has to leave the row, is printed under it across the table instead of
 * being hidden: a participant's history is read for its notes and sources.
 */
const UNDER_THE_ROW: Record<string, readonly string[]> = {
  history: ['note', 'source'],
  texts: ['text'],
};

export function underTheRow(command: string | undefined): readonly string[] {
  return (command !== undefined && UNDER_THE_ROW[command]) || [];
}
