import { Injectable } from '@nestjs/common';
import { CustomerCommandsService } from '../../../modules/customers';
import { commandRequest } from '../wire/command-request';
import { defineCommandWire } from '../wire/command-catalogue';
import { CustomerReference, ItemList } from '../wire/command-shapes';
import { CUSTOMER_EXAMPLE_ECHO, CustomerBalanceAnswer } from '../wire/customer-answers';
import { CommandBody, CommandHandler } from '../command-handler';
import { readItemList } from '../command-item-list';

export const GET_BALANCE_CUSTOMERS_EXT = 'getBalanceCustomersExt';
const MAX_CUSTOMERS = 100;

defineCommandWire({
  name: GET_BALANCE_CUSTOMERS_EXT,
  request: commandRequest(GET_BALANCE_CUSTOMERS_EXT, { customers: ItemList(CustomerReference, 'The customers', MAX_CUSTOMERS) }),
  answerName: 'CustomerBalanceAnswer',
  answerGroup: 'CustomerAnswer',
  answer: CustomerBalanceAnswer,
  example: {
    request: { typeOfCommand: GET_BALANCE_CUSTOMERS_EXT, customers: [{ uniqId: '12345678' }, { phone: '+79990000000' }] },
    answer: {
      customers: [
        { ...CUSTOMER_EXAMPLE_ECHO, status: 'active', balance: '200.00', accountNumber: 'ACR0000000077', error: null },
        { login: null, guid: null, status: null, balance: null, accountNumber: null, error: { typeOfError: 'wrongParam', description: 'Customer not found' } },
      ],
      status: 'Success',
      error: null,
    },
  },
});

/** Balances of up to 100 customers, each named by uniqId, guid/customerId, phone or email. */
@Injectable()
export class GetBalanceCustomersExtCommand implements CommandHandler {
  readonly name = GET_BALANCE_CUSTOMERS_EXT;

  constructor(private readonly customerCommands: CustomerCommandsService) {}

  async handle(body: CommandBody) {
    const customers = readItemList(body, 'customers', MAX_CUSTOMERS);
    return { customers: await this.customerCommands.balances(customers) };
  }
}
