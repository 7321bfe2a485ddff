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

export const ACTIVATE_CUSTOMERS = 'activateCustomers';

defineCommandWire({
  name: ACTIVATE_CUSTOMERS,
  request: commandRequest(ACTIVATE_CUSTOMERS, { customers: ItemList(CustomerReference, 'The customers') }),
  answerName: 'CustomerStatusAnswer',
  answerGroup: 'CustomerAnswer',
  answer: CustomerStatusAnswer,
  example: {
    request: { typeOfCommand: ACTIVATE_CUSTOMERS, customers: [{ guid: CUSTOMER_GUID_EXAMPLE }] },
    answer: { customers: [{ ...CUSTOMER_EXAMPLE_ECHO, status: 'active', error: null }], status: 'Success', error: null },
  },
});

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
