import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config';
import { CustomerCommandsService } from '../../../modules/customers';
import { addCommandExample } from '../command-examples';
import { CommandBody, CommandHandler } from '../command-handler';
import { readItemList } from '../command-item-list';

export const GET_CUSTOMER_LINK = 'getCustomerLink';

addCommandExample(
  GET_CUSTOMER_LINK,
  { typeOfCommand: GET_CUSTOMER_LINK, customers: [{ uniqId: '12345678' }] },
  {
    customers: [{ login: '12345678', guid: '9803d32e-8fcd-4984-a736-9f02f726b3c0', link: '/bonus/3f9a0c1e5b7d4e2f8a6c0b1d2e3f4a5b', error: null }],
    status: 'Success',
    error: null,
  },
);

/** Each customer's unique bonus-window link; opening it is the customer's authorisation (seed 001 §3.3). */
@Injectable()
export class GetCustomerLinkCommand implements CommandHandler {
  readonly name = GET_CUSTOMER_LINK;

  constructor(
    private readonly customerCommands: CustomerCommandsService,
    private readonly config: AppConfig,
  ) {}

  async handle(body: CommandBody) {
    const customers = readItemList(body, 'customers', this.config.maxItemsPerCommand);
    return { customers: await this.customerCommands.links(customers) };
  }
}
