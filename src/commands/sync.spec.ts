import { seconds, url, urlOrPath } from '../options.js';
import { defineCommand, flag, FORMAT_OPTIONS, option } from '../options-spec.js';

export const syncSpec = defineCommand({
  name: 'sync',
  writes: true,
  summary: "fetch each treaty's status page from the depositary (UN Treaty Collection XML) and import it",
  args: {},
  options: {
    from: option(urlOrPath(), '<url-or-file>', "read this address or file instead of the treaty definition's"),
    source: option(url(), '<url>', 'with --from: where that page comes from, recorded on the rows (default: the address read, or the treaty\'s)'),
    timeout: option(seconds(3600), '<seconds>', 'give up on a server after this long (default: 30)'),
    dryRun: flag('say what would change, change nothing'),
    ...FORMAT_OPTIONS,
  },
  examples: [
    ['treaty sync --dry-run', 'what the depositary has that the database has not'],
    ['treaty sync --treaty hanoi --from XVIII-16.en.xml', 'a status page saved earlier, instead of the network'],
    ['treaty sync --from XXVI-8.en.xml --source https://example.org/att-2018.xml', 'a saved page, with the address it was saved from as the source'],
  ],
  notes: `The only command that uses the network. Where a stored date differs from the depositary's, the
depositary's wins and the row's note says what it replaced; rows the page confirms are kept as
they are. Everything lands in one transaction, logged; treaty undo reverses any of it.`,
  async run(o, _a, { ctx, commandLine }) {
    const { sync } = await import('./sync.js');
    return sync(ctx, { db: o.db, treaty: o.treaty, from: o.from, source: o.source, timeoutSeconds: o.timeout ?? 30, dryRun: o.dryRun, command: commandLine });
  },
});
