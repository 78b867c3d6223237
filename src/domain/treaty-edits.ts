// The parts of a treaty's definition a user edits (treaty edit), and how a newer bundled definition
// keeps them: the user's value of each edited field wins, the release's the rest.
import type { TreatyDefinition } from './model.js';

export const EDITABLE_FIELDS = ['rule', 'title', 'short_title', 'aliases', 'signature', 'status_page'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** `bundled` with the fields the user edited taken from `current`. */
export function keepUserEdits(bundled: TreatyDefinition, current: TreatyDefinition, fields: ReadonlySet<EditableField>): TreatyDefinition {
  const out: TreatyDefinition = { ...bundled, depositary: { ...bundled.depositary } };
  if (fields.has('rule')) out.rule = current.rule;
  if (fields.has('title')) out.title = current.title;
  if (fields.has('short_title')) out.short_title = current.short_title;
  if (fields.has('aliases')) out.aliases = current.aliases;
  if (fields.has('signature')) out.signature = current.signature;
  if (fields.has('status_page')) {
    if (current.depositary.status_xml === undefined) delete out.depositary.status_xml;
    else out.depositary.status_xml = current.depositary.status_xml;
  }
  return out;
}
