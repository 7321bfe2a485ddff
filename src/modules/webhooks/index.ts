export { WebhooksModule } from './webhooks.module';
export { WebhooksProcessorsModule } from './webhooks-processors.module';
export { WebhookOutbox } from './webhook-outbox.service';
export { PayloadResolvers } from './payload-resolvers';
export { ProcessingBacklog } from './processing-backlog';
export { WEBHOOK_EVENT_TYPES } from './domain/event-types';
export type { WebhookEventType, WebhookMessage } from './domain/event-types';
export {
  commandFinished, customerEventFinished, customerStatusChanged, pointsAccrued, pointsExpired, pointsExpiring, pointsSpent, sumPoints,
} from './domain/payloads';
export type { CustomerEventFacts, OperationFacts, StatusCause, StatusChangeFacts } from './domain/payloads';
export { signature, verifySignature } from './domain/signature';
