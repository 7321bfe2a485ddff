import { AuthenticatedClient } from '../../modules/api-clients';

/** The body of a Command API call, already known to be a JSON object. */
export type CommandBody = Record<string, unknown>;

/** One Command API command: `name` is its `typeOfCommand`. Each lives in a file named for it. */
export interface CommandHandler {
  readonly name: string;
  /** Returns the command's own fields; the envelope (`status`, `error`) is added by the controller. */
  handle(body: CommandBody, client: AuthenticatedClient): Promise<Record<string, unknown>>;
}

export const COMMAND_HANDLERS = Symbol('COMMAND_HANDLERS');
