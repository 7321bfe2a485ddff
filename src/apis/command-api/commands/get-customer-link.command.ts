import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config';
import { CustomerCommandsService } from '../../../modules/customers';
import { commandRequest } from '../wire/command-request';
import { defineCommandWire } from '../wire/command-catalogue';
import { CustomerReference, ItemList } from '../wire/command-shapes';
import { CUSTOMER_EXAMPLE_ECHO, CustomerLinkAnswer } from '../wire/customer-answers';
import { CommandBody, CommandHandler } from '../command-handler';
import { readItemList } from '../command-item-list';

export const GET_CUSTOMER_LINK = 'getCustomerLink';

defineCommandWire({
  name: GET_CUSTOMER_LINK,
  request: commandRequest(GET_CUSTOMER_LINK, { customers: ItemList(CustomerReference, 'The customers') }),
  answerName: 'CustomerLinkAnswer',
  answerGroup: 'CustomerAnswer',
  answer: CustomerLinkAnswer,
  example: {
    request: { typeOfCommand: GET_CUSTOMER_LINK, customers: [{ uniqId: '12345678' }] },
    answer: { customers: [{ ...CUSTOMER_EXAMPLE_ECHO, link: '/bonus/3f9a0c1e5b7d4e2f8a6c0b1d2e3f4a5b', error: null }], status: 'Success', error: null },
  },
});

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
