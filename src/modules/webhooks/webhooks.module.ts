import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QUEUES } from '../../common/queue/queues';
import { ApiClientsModule } from '../api-clients';
import { AdminWebhooksController } from './admin-webhooks.controller';
import { DeliveriesService } from './deliveries.service';
import { DeliveryClaims } from './delivery-claims';
import { DeliveryQueue } from './delivery-queue';
import { PayloadResolvers } from './payload-resolvers';
import { ProcessingBacklog } from './processing-backlog';
import { SubscriptionsService } from './subscriptions.service';
import { WebhookOutbox } from './webhook-outbox.service';
import { WebhookSender } from './webhook-sender';

/** Outbound webhooks: subscriptions (admin API), the transactional outbox the other modules write to, deliveries. */
@Module({
  imports: [ApiClientsModule, BullModule.registerQueue({ name: QUEUES.webhooks })],
  controllers: [AdminWebhooksController],
  providers: [SubscriptionsService, WebhookOutbox, DeliveryQueue, DeliveryClaims, DeliveriesService, WebhookSender, PayloadResolvers, ProcessingBacklog],
  exports: [WebhookOutbox, DeliveriesService, PayloadResolvers, ProcessingBacklog],
})
export class WebhooksModule {}
