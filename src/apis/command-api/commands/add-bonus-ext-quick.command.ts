import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config';
import { AuthenticatedClient } from '../../../modules/api-clients';
import { ADD_BONUS_EXT_QUICK, QuickBonusesService } from '../../../modules/customers';
import { Type } from '@sinclair/typebox';
import { DateTimeText, DecimalValue } from '../../../common/wire/openapi-types';
import { AddStatusAnswer, COMMAND_ID_EXAMPLE, eventIdField } from '../wire/add-answers';
import { defineCommandWire } from '../wire/command-catalogue';
import { commandRequest } from '../wire/command-request';
import { CustomerReference, ItemList } from '../wire/command-shapes';
import { CommandBody, CommandHandler } from '../command-handler';
import { readItemList } from '../command-item-list';

defineCommandWire({
  name: ADD_BONUS_EXT_QUICK,
  request: commandRequest(ADD_BONUS_EXT_QUICK, {
    add: ItemList(Type.Object({
      uniqId: CustomerReference.properties.uniqId, guid: CustomerReference.properties.guid, customerId: CustomerReference.properties.customerId,
      phone: CustomerReference.properties.phone, email: CustomerReference.properties.email,
      amount: DecimalValue('Points to accrue, greater than zero', 2),
      eventId: eventIdField('Unique per client across the Command API'),
      eventDate: Type.Optional(DateTimeText('When it happened; now when absent', { requireOffset: true })),
      comment: Type.Optional(Type.String({ maxLength: 500 })),
    }, { required: ['amount', 'eventId'], description: 'Names its customer by exactly one of uniqId, guid, customerId, phone, email; a missing one is created active' }), 'The accruals'),
  }),
  answerName: 'AddStatusAnswer',
  answer: AddStatusAnswer,
  example: {
    request: {
      typeOfCommand: ADD_BONUS_EXT_QUICK,
      add: [
        { amount: 150.0, uniqId: '12345678', eventId: 'Q-1001', eventDate: '2025-03-01T12:00:00+03:00', comment: 'Welcome bonus' },
        { amount: 50, phone: '+79161234567', eventId: 'Q-1002' },
      ],
    },
    answer: {
      results: [
        { login: '12345678', guid: '9803d32e-8fcd-4984-a736-9f02f726b3c0', status: 'Success', error: null },
        { login: null, guid: '5b8a3f0e-2c1d-4e5f-9a7b-1c2d3e4f5a6b', status: 'Success', error: null },
      ],
      commandId: COMMAND_ID_EXAMPLE,
    },
  },
});

/**
 * Accrues points to customers named by one identifier each (uniqId, guid, phone or email),
 * creating missing customers as active. Answers each item at once; accruals follow in the background.
 */
@Injectable()
export class AddBonusExtQuickCommand implements CommandHandler {
  readonly name = ADD_BONUS_EXT_QUICK;

  constructor(
    private readonly quickBonuses: QuickBonusesService,
    private readonly config: AppConfig,
  ) {}

  async handle(body: CommandBody, client: AuthenticatedClient) {
    const items = readItemList(body, 'add', this.config.maxItemsPerCommand);
    const { results, commandId } = await this.quickBonuses.accept(client.id, items);
    return { results, commandId };
  }
}
