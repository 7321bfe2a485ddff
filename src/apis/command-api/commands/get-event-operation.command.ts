import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '../../../common/errors';
import { AuthenticatedClient } from '../../../modules/api-clients';
import { EventOperationsService } from '../../../modules/customer-events';
import { CommandBody, CommandHandler } from '../command-handler';
import { listRequired, tooManyItems } from '../command-api.errors';
import { Type } from '@sinclair/typebox';
import { Nullable } from '../../../common/wire/openapi-types';
import { eventIdField } from '../wire/add-answers';
import { defineCommandWire } from '../wire/command-catalogue';
import { commandRequest } from '../wire/command-request';
import { SUCCESS_ENVELOPE } from '../wire/command-shapes';

export const MAX_EVENT_IDS = 1000;
const GET_EVENT_OPERATION = 'getEventOperation';

defineCommandWire({
  name: GET_EVENT_OPERATION,
  request: commandRequest(GET_EVENT_OPERATION, {
    eventIds: Type.Optional(Type.Array(eventIdField('An eventId sent before'), { maxItems: MAX_EVENT_IDS, description: 'The events, by eventId' })),
    commandId: Type.Optional(Type.String({ minLength: 1, description: 'Or every event of the command that answered this commandId (then eventIds is not read)' })),
  }, 'Names its events by eventIds or by commandId'),
  answerName: 'EventOperationAnswer',
  answer: Type.Object({
    events: Type.Array(Type.Object({
      eventId: Type.String(),
      state: Type.String({ description: 'pending until step 2 has run; then processed, rejected, failed or cancelled', example: 'processed' }),
      customerId: Nullable(Type.String({ description: 'The customer\'s GUID' })),
      points: Nullable(Type.String({ description: 'Points the event earned, two decimals; null while pending' })),
      operations: Type.Array(Type.Object({
        operationId: Type.String(), ruleId: Nullable(Type.String()), ruleName: Nullable(Type.String()), points: Type.String(),
      }, { additionalProperties: false }), { description: 'The ledger operations the event made' }),
      error: Nullable(Type.String({ description: 'Why the event was rejected or failed' })),
    }, { additionalProperties: false }), { description: 'The events found; an unknown eventId is left out' }),
    ...SUCCESS_ENVELOPE,
  }, { additionalProperties: false }),
  example: {
    request: { typeOfCommand: GET_EVENT_OPERATION, eventIds: ['123456'] },
    answer: {
      events: [{
        eventId: '123456', state: 'processed', customerId: '5c5720c6-3bf9-49e1-927c-1e85eff4d870', points: '10.00',
        operations: [{ operationId: '1', ruleId: '1', ruleName: '10% back at TSUM on weekends', points: '10.00' }], error: null,
      }],
      status: 'Success',
      error: null,
    },
  },
});

/** The result of step 2 for events, by their eventIds or by the commandId that brought them. */
@Injectable()
export class GetEventOperationCommand implements CommandHandler {
  readonly name = GET_EVENT_OPERATION;

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
