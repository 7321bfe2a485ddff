import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config';
import { AuthenticatedClient } from '../../../modules/api-clients';
import { ADD_BONUS_EXT_QUICK, QuickBonusesService } from '../../../modules/customers';
import { addCommandExample } from '../command-examples';
import { CommandBody, CommandHandler } from '../command-handler';
import { readItemList } from '../command-item-list';

addCommandExample(
  ADD_BONUS_EXT_QUICK,
  {
    typeOfCommand: ADD_BONUS_EXT_QUICK,
    add: [
      { amount: 150.0, uniqId: '12345678', eventId: 'Q-1001', eventDate: '2025-03-01T12:00:00+03:00', comment: 'Welcome bonus' },
      { amount: 50, phone: '+79161234567', eventId: 'Q-1002' },
    ],
  },
  {
    results: [
      { login: '12345678', guid: '9803d32e-8fcd-4984-a736-9f02f726b3c0', status: 'Success', error: null },
      { login: null, guid: '5b8a3f0e-2c1d-4e5f-9a7b-1c2d3e4f5a6b', status: 'Success', error: null },
    ],
    commandId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  },
);

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
