import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config';
import { AuthenticatedClient } from '../../../modules/api-clients';
import { CustomerCommandsService } from '../../../modules/customers';
import { addCommandExample } from '../command-examples';
import { CommandBody, CommandHandler } from '../command-handler';
import { readItemList } from '../command-item-list';

export const BLOCK_CUSTOMERS = 'blockCustomers';

addCommandExample(
  BLOCK_CUSTOMERS,
  { typeOfCommand: BLOCK_CUSTOMERS, customers: [{ uniqId: '12345678' }] },
  { customers: [{ login: '12345678', guid: '9803d32e-8fcd-4984-a736-9f02f726b3c0', status: 'blocked', error: null }], status: 'Success', error: null },
);

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
