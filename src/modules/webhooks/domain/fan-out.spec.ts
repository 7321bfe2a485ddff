import { WebhookMessage } from './event-types';
import { ActiveSubscription, fanOut, receives } from './fan-out';

const all: ActiveSubscription = { id: '1', clientId: null, events: ['command.finished', 'points.accrued', 'customer_event.processed', 'customer.status_changed'] };
const clientSeven: ActiveSubscription = { id: '2', clientId: '7', events: ['command.finished', 'points.accrued', 'customer_event.processed'] };
const processed = (clientId: string, n: number): WebhookMessage => ({ type: 'customer_event.processed', clientId, data: { n } });

describe('receives', () => {
  it('gives a subscription without clientId every client and the customer-level types', () => {
    expect(receives(all, 'command.finished', '3')).toBe(true);
    expect(receives(all, 'customer.status_changed', null)).toBe(true);
    expect(receives(all, 'points.spent', null)).toBe(false);
  });

  it("gives a subscription with clientId only that client's command and event messages", () => {
    expect(receives(clientSeven, 'command.finished', '7')).toBe(true);
    expect(receives(clientSeven, 'command.finished', '3')).toBe(false);
    expect(receives(clientSeven, 'points.accrued', null)).toBe(false);
  });
});

describe('fanOut', () => {
  it('sends each message to every subscription that receives it, batching high-volume types per subscription', () => {
    const messages = [...Array.from({ length: 5 }, (_, i) => processed('7', i)), processed('3', 9), { type: 'command.finished', clientId: '7', data: { c: 1 } } as WebhookMessage];
    const deliveries = fanOut(messages, [all, clientSeven], 2);
    const summary = deliveries.map((d) => [d.subscriptionId, d.type, d.clientId, d.data.length]);
    expect(summary).toEqual([
      ['1', 'customer_event.processed', '7', 2], ['2', 'customer_event.processed', '7', 2],
      ['1', 'customer_event.processed', '7', 2], ['2', 'customer_event.processed', '7', 2],
      ['1', 'customer_event.processed', '7', 1], ['2', 'customer_event.processed', '7', 1],
      ['1', 'customer_event.processed', '3', 1],
      ['1', 'command.finished', '7', 1], ['2', 'command.finished', '7', 1],
    ]);
  });

  it('writes nothing without subscriptions', () => {
    expect(fanOut([processed('7', 1)], [], 100)).toEqual([]);
  });
});
