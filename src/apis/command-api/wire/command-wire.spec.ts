import '../commands/activate-customers.command';
import '../commands/add-bonus-ext-quick.command';
import '../commands/add-customer-point-message.command';
import '../commands/block-customers.command';
import '../commands/get-balance-customers-ext.command';
import '../commands/get-bonus-operation-ext.command';
import '../commands/get-customer-link.command';
import '../commands/get-event-operation.command';
import '../commands/load-customer-events-ext.command';
import { wireValidator } from '../../../../test/support/wire-ajv';
import { validateCommandEvent } from '../items/load-customer-events-ext.validation';
import { LoadCustomerEventItem } from '../items/load-customer-events-ext.schema';
import { SEED_EXAMPLES } from '../seed-examples';
import { COMMAND_ANSWER_SCHEMA, COMMAND_COMPONENTS, COMMAND_REQUEST_SCHEMA, COMMAND_WIRES } from './command-catalogue';

const compile = wireValidator(COMMAND_COMPONENTS);

describe('Command API wire shapes', () => {
  it('has every command with its seed example, each valid against its own request and answer schema', () => {
    const request = compile(COMMAND_REQUEST_SCHEMA);
    const answer = compile(COMMAND_ANSWER_SCHEMA);
    expect(COMMAND_WIRES.map((w) => w.name).sort()).toEqual([
      'activateCustomers', 'addBonusExtQuick', 'addCustomerPointMessage', 'blockCustomers', 'getBalanceCustomersExt',
      'getBonusOperationExt', 'getCustomerLink', 'getEventOperation', 'loadCustomerEventsExt',
    ]);
    for (const wire of COMMAND_WIRES) {
      expect([wire.name, compile(wire.request)(wire.example.request)]).toEqual([wire.name, true]);
      expect([wire.name, request(wire.example.request), request.errors]).toEqual([wire.name, true, null]);
      expect([wire.name, answer(wire.example.answer), answer.errors]).toEqual([wire.name, true, null]);
    }
  });

  it('refuses a misspelt typeOfCommand', () => {
    expect(compile(COMMAND_REQUEST_SCHEMA)({ typeOfCommand: 'getBalanceCustomerExt', customers: [{ uniqId: '1' }] })).toBe(false);
  });

  it('documents the failure envelopes the seeds show', () => {
    const error = compile({ $ref: '#/components/schemas/CommandApiError' });
    expect(error(SEED_EXAMPLES.loadCustomerEventsExt.responses.itemErrors)).toBe(true);
    expect(error(SEED_EXAMPLES.loadCustomerEventsExt.responses.notAllowed)).toBe(true);
  });

  describe('a loadCustomerEventsExt item: the schema and the server agree', () => {
    const schema = compile(LoadCustomerEventItem);
    const seed = SEED_EXAMPLES.loadCustomerEventsExt.request.events[0];
    const cases: Array<[string, Record<string, unknown>]> = [
      ['the seed item', {}],
      ['a decimal string amount', { operationAmount: '100.50' }],
      ['a string merchant code', { merchantId: '000123' }],
      ['an integer eventId', { eventId: 42 }],
      ['an offset written +0300', { eventDate: '2015-01-01T00:00:00+0300' }],
      ['null optional texts', { merchantName: null, customerType1: null }],
      ['an eventDate without offset', { eventDate: '2015-01-01T00:00:00' }],
      ['a customerId that is no UUID', { customerId: 'nope' }],
      ['an unknown eventType', { eventType: 'other' }],
      ['an amount that is no number', { operationAmount: 'ten' }],
      ['a negative merchant code', { merchantId: -1 }],
      ['a text over 191 characters', { merchantName: 'x'.repeat(192) }],
      ['an eventId over 64 characters', { eventId: 'e'.repeat(65) }],
      ['no terminalId', { terminalId: undefined }],
    ];
    it.each(cases)('%s', (_, change) => {
      const item = JSON.parse(JSON.stringify({ ...seed, customerId: '5c5720c6-3bf9-49e1-927c-1e85eff4d870', ...change }));
      expect(schema(item)).toBe(validateCommandEvent(item).ok);
    });
  });
});
