import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config';
import { AuthenticatedClient } from '../../../modules/api-clients';
import { ADD_CUSTOMER_POINT_MESSAGE, PointMessagesService } from '../../../modules/customers';
import { Type } from '@sinclair/typebox';
import { DateTimeText, DecimalValue, Nullable, StringEnum, Uuid } from '../../../common/wire/openapi-types';
import { COMMAND_EVENT_TYPES, COMMAND_OPERATION_TYPES } from '../../../modules/rewards-rules';
import { AddStatusAnswer, COMMAND_ID_EXAMPLE, eventIdField } from '../wire/add-answers';
import { defineCommandWire } from '../wire/command-catalogue';
import { commandRequest } from '../wire/command-request';
import { ItemList } from '../wire/command-shapes';
import { CommandBody, CommandHandler } from '../command-handler';
import { readItemList } from '../command-item-list';
import { SEED_EXAMPLES } from '../seed-examples';

defineCommandWire({
  name: ADD_CUSTOMER_POINT_MESSAGE,
  request: commandRequest(ADD_CUSTOMER_POINT_MESSAGE, {
    add: ItemList(Type.Object({
      uniqId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Integer()], { description: 'The customer\'s login; created (status new) when unknown' }),
      guid: Type.Optional(Nullable(Uuid('The customer\'s GUID'))),
      email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 191 }))),
      phone: Type.Optional(Nullable(Type.String({ pattern: '^\\+?[1-9]\\d{9,14}$' }))),
      info: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
      amount: Type.Optional(Nullable(DecimalValue('Points to accrue, not negative; none or 0 accrues nothing', 2))),
      message: Type.Optional(Nullable(Type.String({ maxLength: 2000, description: 'A message for the customer\'s bonus window' }))),
      showCount: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1000000, description: 'How often the message is shown; 1 when absent' }))),
      showTill: Type.Optional(Nullable(DateTimeText('Shown until then'))),
      eventId: Type.Optional(Nullable(eventIdField('Required with an amount: unique per client across the Command API'))),
      eventDate: Type.Optional(Nullable(DateTimeText('Required with an amount', { requireOffset: true }))),
      eventType: Type.Optional(Nullable(StringEnum(COMMAND_EVENT_TYPES))),
      operationType: Type.Optional(Nullable(StringEnum(COMMAND_OPERATION_TYPES))),
      operationAmount: Type.Optional(Nullable(DecimalValue('The operation amount, not negative'))),
      merchantName: Type.Optional(Nullable(Type.String({ maxLength: 191 }))),
      bankProduct: Type.Optional(Nullable(Type.String({ maxLength: 191 }))),
      mcc: Type.Optional(Nullable(Type.String({ maxLength: 191 }))),
    }, { description: 'Seed 001 §1.1; without an amount the event fields are ignored' }), 'The customers, accruals and messages'),
  }),
  answerName: 'AddStatusAnswer',
  answer: AddStatusAnswer,
  example: {
    request: SEED_EXAMPLES.addCustomerPointMessage.request,
    answer: { ...SEED_EXAMPLES.addCustomerPointMessage.response, commandId: COMMAND_ID_EXAMPLE },
  },
});

/**
 * Seed 001: create customers (status new), accrue points and leave messages. Answers each item at
 * once (`results`, a bad item fails alone); accruals follow in the background.
 */
@Injectable()
export class AddCustomerPointMessageCommand implements CommandHandler {
  readonly name = ADD_CUSTOMER_POINT_MESSAGE;

  constructor(
    private readonly pointMessages: PointMessagesService,
    private readonly config: AppConfig,
  ) {}

  async handle(body: CommandBody, client: AuthenticatedClient) {
    const items = readItemList(body, 'add', this.config.maxItemsPerCommand);
    const { results, commandId } = await this.pointMessages.accept(client.id, items);
    return { results, commandId };
  }
}
