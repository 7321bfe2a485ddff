import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config';
import { AuthenticatedClient } from '../../../modules/api-clients';
import { CustomerCommandsService } from '../../../modules/customers';
import { addCommandExample } from '../command-examples';
import { CommandBody, CommandHandler } from '../command-handler';
import { readItemList } from '../command-item-list';

export const ACTIVATE_CUSTOMERS = 'activateCustomers';

addCommandExample(
  ACTIVATE_CUSTOMERS,
  { typeOfCommand: ACTIVATE_CUSTOMERS, customers: [{ guid: '9803d32e-8fcd-4984-a736-9f02f726b3c0' }] },
  { customers: [{ login: '12345678', guid: '9803d32e-8fcd-4984-a736-9f02f726b3c0', status: 'active', error: null }], status: 'Success', error: null },
);

/** Activates customers: new → active, and the only way to unblock a blocked one (seed 001 §3.4). */
@Injectable()
export class ActivateCustomersCommand implements CommandHandler {
  readonly name = ACTIVATE_CUSTOMERS;

  constructor(
    private readonly customerCommands: CustomerCommandsService,
    private readonly config: AppConfig,
  ) {}

  async handle(body: CommandBody, client: AuthenticatedClient) {
    const customers = readItemList(body, 'customers', this.config.maxItemsPerCommand);
    return { customers: await this.customerCommands.setStatus(customers, 'active', { type: 'command', typeOfCommand: ACTIVATE_CUSTOMERS, clientId: client.id }) };
  }
}
