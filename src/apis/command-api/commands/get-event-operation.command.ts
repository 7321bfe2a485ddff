import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '../../../common/errors';
import { AuthenticatedClient } from '../../../modules/api-clients/authenticated-client';
import { EventOperationsService } from '../../../modules/customer-events/event-operations.service';
import { CommandBody, CommandHandler } from '../command-handler';
import { listRequired, tooManyItems } from '../command-api.errors';
import { addCommandExample } from '../command-examples';

export const MAX_EVENT_IDS = 1000;

addCommandExample(
  'getEventOperation',
  { typeOfCommand: 'getEventOperation', eventIds: ['123456'] },
  {
    events: [{
      eventId: '123456', state: 'processed', customerId: '5c5720c6-3bf9-49e1-927c-1e85eff4d870', points: '10.00',
      operations: [{ operationId: '1', ruleId: '1', ruleName: '10% back at TSUM on weekends', points: '10.00' }], error: null,
    }],
    status: 'Success',
    error: null,
  },
);

/** The result of step 2 for events, by their eventIds or by the commandId that brought them. */
@Injectable()
export class GetEventOperationCommand implements CommandHandler {
  readonly name = 'getEventOperation';

  constructor(private readonly operations: EventOperationsService) {}

  async handle(body: CommandBody, client: AuthenticatedClient) {
    if (body.commandId !== undefined) {
      if (typeof body.commandId !== 'string' || body.commandId === '') throw new AppError(ErrorCode.WrongFormat, 'commandId must be a string');
      return { events: await this.operations.byCommand(client.id, body.commandId) };
    }
    if (body.eventIds === undefined) throw new AppError(ErrorCode.WrongFormat, 'eventIds or commandId is required');
    if (!Array.isArray(body.eventIds)) throw listRequired('eventIds');
    if (body.eventIds.length > MAX_EVENT_IDS) throw tooManyItems('eventIds', MAX_EVENT_IDS);
    // A number beyond the safe integers is not the eventId it reads as: no command accepts it.
    if (body.eventIds.some((id) => typeof id === 'number' && !Number.isSafeInteger(id))) {
      throw new AppError(ErrorCode.WrongParam, 'Invalid eventIds: strings or integers are expected');
    }
    const ids = body.eventIds.map((id) => (typeof id === 'number' ? String(id) : id));
    if (ids.some((id) => typeof id !== 'string' || id === '')) throw new AppError(ErrorCode.WrongFormat, 'eventIds must be strings');
    return { events: ids.length ? await this.operations.byEventIds(client.id, [...new Set(ids as string[])]) : [] };
  }
}
