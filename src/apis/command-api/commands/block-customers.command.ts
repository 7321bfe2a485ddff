import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config';
import { AuthenticatedClient } from '../../../modules/api-clients';
import { CustomerCommandsService } from '../../../modules/customers';
import { commandRequest } from '../wire/command-request';
import { defineCommandWire } from '../wire/command-catalogue';
import { CUSTOMER_GUID_EXAMPLE, CustomerReference, ItemList } from '../wire/command-shapes';
import { CUSTOMER_EXAMPLE_ECHO, CustomerStatusAnswer } from '../wire/customer-answers';
import { CommandBody, CommandHandler } from '../command-handler';
import { readItemList } from '../command-item-list';

export const BLOCK_CUSTOMERS = 'blockCustomers';

defineCommandWire({
  name: BLOCK_CUSTOMERS,
  request: commandRequest(BLOCK_CUSTOMERS, { customers: ItemList(CustomerReference, 'The customers') }),
  answerName: 'CustomerStatusAnswer',
  answerGroup: 'CustomerAnswer',
  answer: CustomerStatusAnswer,
  example: {
    request: { typeOfCommand: BLOCK_CUSTOMERS, customers: [{ uniqId: '12345678' }] },
    answer: { customers: [{ ...CUSTOMER_EXAMPLE_ECHO, status: 'blocked', error: null }], status: 'Success', error: null },
  },
});

/** Blocks customers: no accruals, no spends, no messages until activateCustomers. */
@Injectable()
export class BlockCustomersCommand implements CommandHandler {
  readonly name = BLOCK_CUSTOMERS;

  constructor(
    private readonly customerCommands: CustomerCommandsService,
    private readonly config: AppConfig,
  ) {}

  async handle(body: CommandBody, client: AuthenticatedClient) {
    const customers = readItemList(body, 'customers', this.config.maxItemsPerCommand);
    return { customers: await this.customerCommands.setStatus(customers, 'blocked', { type: 'command', typeOfCommand: BLOCK_CUSTOMERS, clientId: client.id }) };
  }
}
