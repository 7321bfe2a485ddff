/** Exit code of a usage, connection or whole-call error (0 and 1 are the load's outcome: see loadExitCode). */
export const EXIT_USAGE_OR_CONNECTION = 2;

/** A usage, connection or whole-call error: the run stops with exit code 2 and this one-line message. */
export class CliError extends Error {}
