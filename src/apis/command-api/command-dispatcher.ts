import { Inject, Injectable } from '@nestjs/common';
import { AuthenticatedClient } from '../../modules/api-clients/authenticated-client';
import { commandScope, scopeAllows } from '../../modules/api-clients/domain/client-scopes';
import { ScopeCatalogue } from '../../modules/api-clients/scope-catalogue';
import { COMMAND_HANDLERS, CommandHandler } from './command-handler';
import { commandOutsideScopes, missingTypeOfCommand, notAnObject, unknownCommand } from './command-api.errors';

/**
 * Finds the handler named by `typeOfCommand`, checks the client's scope `command:<typeOfCommand>`
 * and wraps the handler's answer in the Success envelope.
 */
@Injectable()
export class CommandDispatcher {
  private readonly handlers: Map<string, CommandHandler>;

  constructor(@Inject(COMMAND_HANDLERS) handlers: CommandHandler[], scopes: ScopeCatalogue) {
    this.handlers = new Map(handlers.map((h) => [h.name, h]));
    scopes.register(this.commandNames.map(commandScope));
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
    if (!scopeAllows(client.scopes, commandScope(name))) throw commandOutsideScopes(name);
    const answer = await handler.handle(body as Record<string, unknown>, client);
    return 'status' in answer || 'results' in answer ? answer : { ...answer, status: 'Success', error: null };
  }
}
