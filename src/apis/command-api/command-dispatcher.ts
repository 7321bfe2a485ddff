import { Inject, Injectable } from '@nestjs/common';
import { AuthenticatedClient } from '../../modules/api-clients';
import { COMMAND_HANDLERS, CommandHandler } from './command-handler';
import { missingTypeOfCommand, notAnObject, unknownCommand } from './command-api.errors';

/** Finds the handler named by `typeOfCommand` and wraps its answer in the Success envelope. */
@Injectable()
export class CommandDispatcher {
  private readonly handlers: Map<string, CommandHandler>;

  constructor(@Inject(COMMAND_HANDLERS) handlers: CommandHandler[]) {
    this.handlers = new Map(handlers.map((h) => [h.name, h]));
  }

  get commandNames(): string[] {
    return [...this.handlers.keys()];
  }

  async dispatch(body: unknown, client: AuthenticatedClient): Promise<Record<string, unknown>> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw notAnObject();
    const name = (body as Record<string, unknown>).typeOfCommand;
    if (typeof name !== 'string' || name === '') throw missingTypeOfCommand();
    const handler = this.handlers.get(name);
    if (!handler) throw unknownCommand(name);
    const answer = await handler.handle(body as Record<string, unknown>, client);
    return 'status' in answer || 'results' in answer ? answer : { ...answer, status: 'Success', error: null };
  }
}
