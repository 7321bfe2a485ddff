import { kindsOf, sentByKind } from './batch-kinds';

describe('batch kinds', () => {
  it('sends by kind only batched types never attempted, and only when batches linger', () => {
    expect(sentByKind('points.accrued', 0, 1000)).toBe(true);
    expect(sentByKind('customer.status_changed', 0, 1000)).toBe(true);
    expect(sentByKind('points.accrued', 1, 1000)).toBe(false); // a retry goes by itself
    expect(sentByKind('points.accrued', 0, 0)).toBe(false); // no linger: each batch by itself
    expect(sentByKind('command.finished', 0, 1000)).toBe(false);
  });

  it('lists each subscription, type and client once', () => {
    expect(kindsOf([
      { subscriptionId: '1', type: 'points.accrued', clientId: null },
      { subscriptionId: '1', type: 'customer_event.processed', clientId: '7' },
      { subscriptionId: '1', type: 'points.accrued', clientId: null },
      { subscriptionId: '2', type: 'points.accrued', clientId: null },
      { subscriptionId: '1', type: 'customer_event.processed', clientId: '8' },
    ])).toEqual([
      { subscriptionId: '1', type: 'points.accrued', clientId: null },
      { subscriptionId: '1', type: 'customer_event.processed', clientId: '7' },
      { subscriptionId: '2', type: 'points.accrued', clientId: null },
      { subscriptionId: '1', type: 'customer_event.processed', clientId: '8' },
    ]);
  });
});
