/** Exit codes of the command-line tool. */
export const EXIT_OK = 0;
export const EXIT_SOME_REJECTED = 1;
export const EXIT_USAGE_OR_CONNECTION = 2;

/** A usage, connection or whole-call error: the run stops with exit code 2 and this one-line message. */
export class CliError extends Error {}
