import { WEBHOOK_EXAMPLES } from '../webhook-docs';
import {
  commandFinished, customerEventFinished, customerStatusChanged, pointsAccrued, pointsExpired, pointsExpiring, pointsSpent, sumPoints,
} from './payloads';

const guid = '5c5720c6-3bf9-49e1-927c-1e85eff4d870';

describe('payload builders', () => {
  it('build the documented examples', () => {
    expect(commandFinished({
      commandId: '0f8fad5b-d9cb-469f-a165-70867728950e', typeOfCommand: 'loadCustomerEventsExt', clientId: '2',
      counts: { processed: 998, rejected: 1, failed: 1 }, finishedAt: new Date('2026-12-02T10:15:02.118Z'),
    }).data).toEqual(WEBHOOK_EXAMPLES['command.finished']);
    expect(customerEventFinished({
      id: 'A4340AC3F973495E81F69A75D2D32BD3', eventId: '123456', commandId: '0f8fad5b-d9cb-469f-a165-70867728950e', clientId: '2',
      customerGuid: guid, state: 'processed', points: '10.00', error: null, operations: [{ operationId: '812', ruleId: '1', points: '10.00' }],
    })).toEqual({ type: 'customer_event.processed', clientId: '2', data: WEBHOOK_EXAMPLES['customer_event.processed'] });
    expect(pointsAccrued({
      customerGuid: guid, eventId: 'A4340AC3F973495E81F69A75D2D32BD3', externalEventId: '123456', points: '10.00',
      operations: [{ operationId: '812', ruleId: '1', points: '10.00', expiresAt: new Date('2027-12-02T10:15:01.000Z') }],
    })).toEqual({ type: 'points.accrued', clientId: null, data: WEBHOOK_EXAMPLES['points.accrued'] });
    expect(pointsSpent({ customerGuid: guid, operationId: '915', points: '25.00', eventId: 'D7340AC3F973495E81F69A75D2D32BD6', comment: 'CRM purchase INV-1001' }).data)
      .toEqual(WEBHOOK_EXAMPLES['points.spent']);
    const expires = new Date('2026-12-08T00:00:00.000Z');
    expect(pointsExpiring({ customerGuid: guid, days: 7, lots: [{ operationId: '77', points: '300.00', expiresAt: expires }] }).data)
      .toEqual(WEBHOOK_EXAMPLES['points.expiring']);
    expect(pointsExpired({ customerGuid: guid, lots: [{ lotId: '77', points: '300.00' }], expiredAt: new Date('2026-12-08T00:10:00.000Z') }).data)
      .toEqual(WEBHOOK_EXAMPLES['points.expired']);
    expect(customerStatusChanged({
      customerId: '9a1e2c44-8d5b-4c1e-a0d4-2f0f5b2f6b11', customerGuid: guid, uniqId: 'client-42', from: 'active', to: 'blocked',
      cause: { type: 'command', typeOfCommand: 'blockCustomers', clientId: '2' },
    }).data).toEqual(WEBHOOK_EXAMPLES['customer.status_changed']);
  });

  it('sums points exactly', () => {
    expect(sumPoints(['0.10', '0.20'])).toBe('0.30');
    expect(sumPoints(['9999999999999999.99', '0.01'])).toBe('10000000000000000.00');
    expect(sumPoints(['-1.50', '0.25'])).toBe('-1.25');
    expect(sumPoints([])).toBe('0.00');
  });
});
