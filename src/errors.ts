// Typed errors: the one catch in cli.ts turns them into a line on stderr and an exit code.

/** Something the user can fix: an unknown name, an invalid file, a database problem. Exit 1. */
export class UserError extends Error {
  readonly exitCode: 1 | 2 = 1;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The command line itself is wrong: a malformed option value. Exit 2. */
export class UsageError extends UserError {
  override readonly exitCode = 2;
}
