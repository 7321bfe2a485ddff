/** An error the process reports as one line and exits on, without a stack trace. */
export class StartupError extends Error {}

export function describeConnectionError(what: string, host: string, port: number, error: unknown): StartupError {
  const reason = (error as { code?: string; message?: string })?.code ?? (error as Error)?.message ?? String(error);
  return new StartupError(`Cannot reach ${what} at ${host}:${port} (${reason})`);
}
