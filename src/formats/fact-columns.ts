// The columns of the facts beside actions, shared by the bundled files, export and import (no zod here:
// export is a read command and must start fast).
export const PUBLISHED_COLUMNS = ['treaty', 'code', 'consent_type', 'in_force_on', 'party_by', 'source', 'note'] as const;
export const REPORT_COLUMNS = ['treaty', 'date', 'precision', 'claim', 'code', 'count', 'grade', 'source', 'note'] as const;
