// treaty texts <treaty>: the depositary's declarations, reservations and objections kept with a
// treaty, and the footnotes of its status page, filtered by participant, kind and words.
import { buildNameIndex, resolveParticipant } from '../domain/names.js';
import { filterTexts, textRows, type TextFilterKind } from '../domain/depositary-texts.js';
import type { Ctx } from '../context.js';
import type { ListResult } from '../formats/result.js';
import { requireParticipant } from '../participant-lookup.js';

export const TEXTS_COLUMNS = ['treaty', 'kind', 'code', 'participant', 'date', 'heading', 'text', 'cited_by'] as const;

export interface TextsOptions {
  db: string | undefined;
  treaty: string;
  participant: string | undefined;
  kinds: readonly TextFilterKind[] | undefined;
  grep: string | undefined;
  columns: readonly string[];
}

export async function texts(ctx: Ctx, o: TextsOptions): Promise<ListResult> {
  return ctx.withStore(o.db, 'read', (store) => {
    const treaty = store.treaty(o.treaty);
    const index = buildNameIndex(store.participants().values());
    const code = o.participant === undefined ? undefined : requireParticipant(o.participant, index).code;
    const codeOf = (name: string) => {
      const r = resolveParticipant(name, index);
      return r.kind === 'found' ? r.participant.code : null;
    };
    const all = textRows(treaty, store.actions(treaty.id), codeOf);
    const rows = filterTexts(all, { code, kinds: o.kinds, grep: o.grep });
    const none =
      all.length === 0
        ? `${treaty.id} keeps no texts of the depositary: treaty add keeps them from a status page, and the bundled data has none`
        : `none of the ${all.length} texts of ${treaty.id} fits`;
    return {
      kind: 'list',
      columns: o.columns,
      rows,
      notice: rows.length === 0 ? none : `${rows.length} of the ${all.length} texts of ${treaty.id} (${treaty.short_title}), in the depositary's words`,
      emptyText: all.length === 0 ? 'No texts kept.' : 'No text fits.',
    };
  });
}
