/**
 * The few ways pyseam itself fails (as opposed to problems in the analyzed code, which
 * are findings in the result). The CLI catches them in one place and exits with `exitCode`.
 */
export class PyseamError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad flag, config key or path: exit status 2, the message names what and what was expected. */
export class UsageError extends PyseamError {
  constructor(message: string) {
    super(message, 2);
  }
}
