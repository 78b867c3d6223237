import { choice } from '../options.js';
import { arg, defineCommand } from '../options-spec.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export const completionSpec = defineCommand({
  name: 'completion',
  summary: 'print a shell completion script: bash, zsh or fish',
  args: { shell: arg(choice(SHELLS), 'the shell') },
  options: {},
  examples: [
    ['treaty completion bash > "${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion/completions/treaty"', 'Tab completion in bash, from the next shell on'],
    ['treaty completion fish > "${XDG_CONFIG_HOME:-$HOME/.config}/fish/completions/treaty.fish"', 'the same for fish'],
    ['treaty completion zsh > "${fpath[1]}/_treaty"', 'and for zsh'],
  ],
  notes: 'Treaty ids and participant names are read from the database when it exists; completing never creates or upgrades it.',
  async run(_o, a, { io, specs }) {
    const { completionScript } = await import('./completion.js');
    io.out.write(completionScript(a.shell, specs));
  },
});

export const completeSpec = defineCommand({
  name: '__complete',
  summary: 'words for the completion scripts, one a line',
  hidden: true,
  args: { what: arg(choice(['treaties', 'participants'] as const), 'treaties or participants') },
  options: {},
  examples: [
    ['treaty __complete treaties', 'treaty ids and aliases'],
    ['treaty __complete participants', 'participant names'],
  ],
  async run(o, a, { ctx, io }) {
    const { completionWords } = await import('./completion.js');
    io.out.write(await completionWords(ctx, a.what, o.db));
  },
});
