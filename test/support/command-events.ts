import { randomUUID } from 'crypto';
import { TestContext, waitFor } from './test-app';

/** A loadCustomerEventsExt event like seed 000's, with its own eventId and customer. */
export function commandEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customerId: randomUUID().toUpperCase(), eventId: randomUUID(), eventDate: '2025-03-01T12:00:00+03',
    eventType: 'operation', operationType: 'purchase', operationAmount: 100, operationCurrencyRate: 1,
    merchantId: 123456, terminalId: 123456, merchantName: 'TSUM',
    ...overrides,
  };
}

export const purchaseRule = (percent = '10') => ({
  name: `${percent}% back on purchases`, active: true, priority: 10, validFrom: null, validTo: null,
  when: { eventTypes: ['operation'], operationTypes: ['purchase'] },
  award: { type: 'percent', percent, rounding: 'floor' },
  limits: null, expiresInDays: 365, exclusive: false,
});

export async function createRule(ctx: TestContext, rule: Record<string, unknown>): Promise<string> {
  const res = await ctx.http().post('/admin/rules').set('X-Api-Key', ctx.adminKey).send(rule);
  if (res.status !== 201) throw new Error(`rule not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export function sendCommand(ctx: TestContext, apiKey: string, body: unknown) {
  return ctx.http().post('/api/commands').set('X-Api-Key', apiKey).send(body as object);
}

/** Waits until the command's events are all final, as getEventOperation shows them. */
export async function waitForCommand(ctx: TestContext, apiKey: string, commandId: string, timeoutMs = 30000) {
  return waitFor(async () => {
    const res = await sendCommand(ctx, apiKey, { typeOfCommand: 'getEventOperation', commandId });
    const events: Array<{ state: string }> = res.body.events ?? [];
    return events.length > 0 && events.every((e) => e.state !== 'pending') ? events : null;
  }, timeoutMs, `command ${commandId}`);
}
