import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '../../../common/errors';
import { parseDateTime } from '../../../common/time/parse-date-time';
import { decodeCursor, OPERATION_TYPES, OperationType } from '../../../modules/bonus-accounts';
import { EventOperationsService } from '../../../modules/customer-events';
import { CustomerCommandsService } from '../../../modules/customers';
import { Type } from '@sinclair/typebox';
import { DateTimeText, Nullable, StringEnum } from '../../../common/wire/openapi-types';
import { defineCommandWire } from '../wire/command-catalogue';
import { commandRequest } from '../wire/command-request';
import { CustomerReference, Guid, ItemList, Login, SUCCESS_ENVELOPE } from '../wire/command-shapes';
import { CommandBody, CommandHandler } from '../command-handler';
import { readItemList } from '../command-item-list';

export const GET_BONUS_OPERATION_EXT = 'getBonusOperationExt';
const MAX_CUSTOMERS = 1000;
const MAX_DAYS = 31;
const MAX_LIMIT = 1000;
const DAY_MS = 86_400_000;

defineCommandWire({
  name: GET_BONUS_OPERATION_EXT,
  request: commandRequest(GET_BONUS_OPERATION_EXT, {
    customers: ItemList(CustomerReference, 'The customers', MAX_CUSTOMERS),
    dateFrom: DAY_OR_DATE_TIME('From: a date-time (UTC without offset) or a whole day from its start'),
    dateTill: DAY_OR_DATE_TIME(`Till: a date-time or a whole day till its end; at most ${MAX_DAYS} days after dateFrom`),
    operationType: Type.Optional(Nullable(StringEnum(OPERATION_TYPES, { description: 'Only operations of this type' }))),
    limit: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, description: `Operations per page; ${MAX_LIMIT} when absent` }))),
    cursor: Type.Optional(Nullable(Type.String({ description: 'nextCursor of the previous page' }))),
  }),
  answerName: 'BonusOperationsAnswer',
  answer: Type.Object({
    operations: Type.Array(Type.Object({
      operationId: Type.String(), login: Login, guid: Guid, operationType: StringEnum(OPERATION_TYPES),
      points: Type.String({ pattern: '^-?\\d+\\.\\d{2}$', description: 'Signed points: negative for spends and expiries' }),
      eventId: Nullable(Type.String()), ruleId: Nullable(Type.String()),
      createdAt: Type.String({ format: 'date-time' }), expiresAt: Nullable(Type.String({ format: 'date-time' })),
    }, { additionalProperties: false }), { description: 'Oldest first' }),
    nextCursor: Nullable(Type.String({ description: 'Fetches the next page; null on the last' })),
    ...SUCCESS_ENVELOPE,
  }, { additionalProperties: false }),
  example: {
    request: {
      typeOfCommand: GET_BONUS_OPERATION_EXT, customers: [{ uniqId: '12345678' }], dateFrom: '2025-03-01T00:00:00+03:00',
      dateTill: '2025-03-31T23:59:59+03:00', operationType: 'accrual', limit: 100,
    },
    answer: {
      operations: [{
        operationId: '101', login: '12345678', guid: '9803d32e-8fcd-4984-a736-9f02f726b3c0', operationType: 'accrual', points: '200.00',
        eventId: '123456', ruleId: null, createdAt: '2025-03-01T09:00:00.000Z', expiresAt: null,
      }],
      nextCursor: null,
      status: 'Success',
      error: null,
    },
  },
});

function DAY_OR_DATE_TIME(description: string) {
  return Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A whole day' }), DateTimeText('A date-time')], { description });
}

const wrongParam = (description: string) => new AppError(ErrorCode.WrongParam, description);

/** A date-time (without offset: UTC) or a whole day (`2025-03-01`: from its start, or till its end). */
function readDate(value: unknown, field: string, endOfDay: boolean): Date {
  if (value === undefined || value === null || value === '') throw wrongParam(`Required parameter ${field} is missing`);
  const text = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${endOfDay ? '23:59:59.999' : '00:00:00'}Z` : value;
  const date = parseDateTime(text);
  if (!date) throw wrongParam(`Invalid ${field}: an ISO 8601 date or date-time is expected`);
  return date;
}

/**
 * Ledger operations of up to 1000 customers over at most 31 days, oldest first, optionally of
 * one operationType; `nextCursor` fetches the next page (null on the last).
 */
@Injectable()
export class GetBonusOperationExtCommand implements CommandHandler {
  readonly name = GET_BONUS_OPERATION_EXT;

  constructor(
    private readonly customerCommands: CustomerCommandsService,
    private readonly events: EventOperationsService,
  ) {}

  async handle(body: CommandBody) {
    const customers = readItemList(body, 'customers', MAX_CUSTOMERS);
    const from = readDate(body.dateFrom, 'dateFrom', false);
    const till = readDate(body.dateTill, 'dateTill', true);
    if (till < from) throw wrongParam('dateTill must not be before dateFrom');
    if (till.getTime() - from.getTime() > MAX_DAYS * DAY_MS) throw wrongParam(`The period from dateFrom to dateTill must not exceed ${MAX_DAYS} days`);
    const operationType = body.operationType ?? undefined;
    if (operationType !== undefined && !OPERATION_TYPES.includes(operationType as OperationType)) {
      throw wrongParam(`Invalid operationType: one of ${OPERATION_TYPES.join(', ')} is expected`);
    }
    const limit = body.limit ?? MAX_LIMIT;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw wrongParam(`Invalid limit: an integer from 1 to ${MAX_LIMIT} is expected`);
    }
    const after = body.cursor === undefined || body.cursor === null ? null : decodeCursor(body.cursor);
    if (body.cursor !== undefined && body.cursor !== null && !after) throw wrongParam('Invalid cursor');
    return this.customerCommands.operations({
      references: customers, from, till, operationType: operationType as OperationType | undefined, after, limit,
      eventIdsOf: (ids) => this.events.commandEventIds(ids),
    });
  }
}
