import { WebhookEventType } from './domain/event-types';

/** One example data item per event type: shown in /docs and checked against the builders by the unit specs. */
export const WEBHOOK_EXAMPLES: Record<WebhookEventType, Record<string, unknown>> = {
  'command.finished': {
    commandId: '0f8fad5b-d9cb-469f-a165-70867728950e', typeOfCommand: 'loadCustomerEventsExt',
    counts: { processed: 998, rejected: 1, failed: 1, cancelled: 0 }, total: 1000, finishedAt: '2026-12-02T10:15:02.118Z',
  },
  'customer_event.processed': {
    id: 'A4340AC3F973495E81F69A75D2D32BD3', eventId: '123456', commandId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    customerGuid: '5c5720c6-3bf9-49e1-927c-1e85eff4d870', state: 'processed', points: '10.00', error: null,
    operations: [{ operationId: '812', ruleId: '1', points: '10.00' }],
  },
  'customer_event.rejected': {
    id: 'B5340AC3F973495E81F69A75D2D32BD4', eventId: '123457', commandId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    customerGuid: '5c5720c6-3bf9-49e1-927c-1e85eff4d870', state: 'rejected', points: '0.00', error: 'Customer is blocked: no points accrued', operations: [],
  },
  'customer_event.failed': {
    id: 'C6340AC3F973495E81F69A75D2D32BD5', eventId: '221', commandId: null, customerGuid: null, state: 'failed', points: '0.00',
    error: 'Balance would exceed the maximum of 9999999999999999.99 points', operations: [],
  },
  'points.accrued': {
    customerGuid: '5c5720c6-3bf9-49e1-927c-1e85eff4d870', eventId: 'A4340AC3F973495E81F69A75D2D32BD3', externalEventId: '123456', points: '10.00',
    operations: [{ operationId: '812', ruleId: '1', points: '10.00', expiresAt: '2027-12-02T10:15:01.000Z' }],
  },
  'points.spent': {
    customerGuid: '5c5720c6-3bf9-49e1-927c-1e85eff4d870', operationId: '915', points: '25.00', eventId: 'D7340AC3F973495E81F69A75D2D32BD6',
    comment: 'CRM purchase INV-1001',
  },
  'points.expiring': {
    customerGuid: '5c5720c6-3bf9-49e1-927c-1e85eff4d870', thresholdDays: 7, points: '300.00', expiresAt: '2026-12-08T00:00:00.000Z',
    lots: [{ operationId: '77', points: '300.00', expiresAt: '2026-12-08T00:00:00.000Z' }],
  },
  'points.expired': {
    customerGuid: '5c5720c6-3bf9-49e1-927c-1e85eff4d870', points: '300.00', expiredAt: '2026-12-08T00:10:00.000Z',
    lots: [{ lotId: '77', points: '300.00' }],
  },
  'customer.status_changed': {
    customerId: '9a1e2c44-8d5b-4c1e-a0d4-2f0f5b2f6b11', customerGuid: '5c5720c6-3bf9-49e1-927c-1e85eff4d870', uniqId: 'client-42',
    from: 'active', to: 'blocked', cause: { type: 'command', typeOfCommand: 'blockCustomers', clientId: '2' },
  },
};

const examples = Object.entries(WEBHOOK_EXAMPLES).map(([type, data]) => `- \`${type}\`: \`${JSON.stringify(data)}\``).join('\n');

/** The description of POST /admin/webhooks in /docs: what a receiver gets and how it checks it. */
export const WEBHOOK_DOCS = `
Each delivery is one \`POST\` of JSON \`{"deliveryId","type","createdAt","data":[…]}\` to the subscription's URL, with headers
\`X-Webhook-Id\` (the delivery id: the same on every attempt), \`X-Webhook-Event\` (the type), \`X-Webhook-Timestamp\` (Unix seconds)
and \`X-Webhook-Signature\`: \`sha256=\` + hex HMAC-SHA256 of \`<timestamp>.<raw body>\` with the subscription's secret.
\`data\` holds one item, or for \`points.accrued\`, \`customer_event.processed\` and \`customer.status_changed\` up to WEBHOOK_BATCH_SIZE items.
Any 2xx within WEBHOOK_TIMEOUT_MS (5 s) is success; anything else is retried with exponential backoff and jitter for
WEBHOOK_RETRY_WINDOW_MS (24 h), then the delivery is \`dead\` (replay it with POST …/deliveries/{deliveryId}/replay).
Delivery is **at least once**: a receiver deduplicates by \`X-Webhook-Id\`.

A subscription with \`clientId\` receives only that client's \`command.finished\` and \`customer_event.*\`; one without receives
every client's and the customer-level types. Data items by type:

${examples}
`;
