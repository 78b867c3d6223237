// A treaty status as one flat row, for the tabular machine formats (a spreadsheet can append a row a day).
import type { TreatyStatus } from '../domain/status.js';
import { REPORT_COUNTS } from '../domain/vocabulary.js';
import type { ListResult, Row } from './result.js';

/** Of each reported count (JSON `reported`), what the row carries: the figure, then where it comes from. */
const REPORT_FIELDS = [['', 'count'], ['_date', 'date'], ['_precision', 'precision'], ['_grade', 'grade'], ['_source', 'source'], ['_note', 'note']] as const;
const REPORT_COLUMNS = REPORT_COUNTS.flatMap((claim) => REPORT_FIELDS.map(([suffix]) => `reported_${claim}${suffix}`));

export const STATUS_COLUMNS = [
  'treaty', 'title', 'as_of', 'data_as_of', 'data_stale', 'signatories', 'consents', 'pipeline', 'counted', 'threshold', 'remaining',
  'threshold_reached_on', 'entry_into_force_state', 'entry_into_force_date', 'entry_into_force_days_until',
  'signature_opens_on', 'signature_closes_on', 'signature_open', 'signature_days_left',
  'projection_threshold_median', 'projection_threshold_low', 'projection_threshold_high', 'projection_reason',
  // Last, and apart from the counts they stand beside: a report never enters a count.
  ...REPORT_COLUMNS,
] as const;

export function statusAsList(s: TreatyStatus): ListResult {
  return {
    kind: 'list',
    columns: STATUS_COLUMNS,
    rows: [
      {
        treaty: s.treaty,
        title: s.title,
        as_of: s.as_of,
        data_as_of: s.data_as_of,
        data_stale: s.data_stale,
        signatories: s.signatories,
        consents: s.consents,
        pipeline: s.pipeline,
        counted: s.counted,
        threshold: s.threshold,
        remaining: s.remaining,
        threshold_reached_on: s.threshold_reached_on,
        entry_into_force_state: s.entry_into_force.state,
        entry_into_force_date: s.entry_into_force.date,
        entry_into_force_days_until: s.entry_into_force.days_until,
        signature_opens_on: s.signature.opens_on,
        signature_closes_on: s.signature.closes_on,
        signature_open: s.signature.open,
        signature_days_left: s.signature.days_left,
        projection_threshold_median: s.projection?.threshold_reached_on.median ?? null,
        projection_threshold_low: s.projection?.threshold_reached_on.low ?? null,
        projection_threshold_high: s.projection?.threshold_reached_on.high ?? null,
        projection_reason: s.projection_reason?.code ?? null,
        ...reportedCells(s),
      },
    ],
  };
}

/** The latest report of each count beyond the depositary's data, empty where there is none. */
function reportedCells(s: TreatyStatus): Row {
  const cells: Row = {};
  for (const claim of REPORT_COUNTS) {
    const r = s.reported.find((x) => x.claim === claim);
    for (const [suffix, key] of REPORT_FIELDS) cells[`reported_${claim}${suffix}`] = r?.[key] ?? null;
  }
  return cells;
}
