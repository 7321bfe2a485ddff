import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config';
import { AuthenticatedClient } from '../../../modules/api-clients';
import { ADD_CUSTOMER_POINT_MESSAGE, PointMessagesService } from '../../../modules/customers';
import { addCommandExample } from '../command-examples';
import { CommandBody, CommandHandler } from '../command-handler';
import { readItemList } from '../command-item-list';
import { SEED_EXAMPLES } from '../seed-examples';

addCommandExample(ADD_CUSTOMER_POINT_MESSAGE, SEED_EXAMPLES.addCustomerPointMessage.request, {
  ...SEED_EXAMPLES.addCustomerPointMessage.response,
  commandId: '0f8fad5b-d9cb-469f-a165-70867728950e',
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
