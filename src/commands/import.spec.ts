import type { InputFormat } from '../formats/read-actions.js';
import { choice, date, path, url } from '../options.js';
import { args, defineCommand, flag, FORMAT_OPTIONS, option } from '../options-spec.js';

const INPUT_FORMATS = ['csv', 'tsv', 'json', 'ndjson', 'xml'] as const satisfies readonly InputFormat[];

export const importSpec = defineCommand({
  name: 'import',
  writes: true,
  summary: "import action rows (CSV, TSV, JSON, NDJSON as export writes them) or the depositary's XML status page",
  args: { file: args(path(), 'files; all of them land in one transaction, or none does') },
  options: {
    inputFormat: option(choice(INPUT_FORMATS), '<format>', 'the files are in this format (default: from the extension or the content)'),
    source: option(url(), '<url>', "for an XML status page: where it comes from (default: the treaty's status page address)"),
    replace: flag('let a row replace a stored action of the same kind on another date'),
    dryRun: flag('say what would be added, changed and left as it is; change nothing'),
    dataAsOf: option(date(), '<date>', 'the date the imported data is as of: sets the data date of each treaty it touches'),
    ...FORMAT_OPTIONS,
  },
  examples: [
    ['treaty import actions.csv --dry-run', 'what the file would add and change'],
    ['treaty import XVIII-16.en.xml', "the depositary's status page, as saved from treaties.un.org"],
  ],
  async run(o, a, { ctx, commandLine }) {
    const { importFiles } = await import('./import.js');
    return importFiles(ctx, { db: o.db, files: a.file, format: o.inputFormat, source: o.source, replace: o.replace, dryRun: o.dryRun, dataAsOf: o.dataAsOf, command: commandLine });
  },
});
