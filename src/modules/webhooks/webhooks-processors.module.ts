import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QUEUES } from '../../common/queue/queues';
import { DeliverWebhooksProcessor } from './processors/deliver-webhooks.processor';
import { WebhooksModule } from './webhooks.module';

/** The delivery worker and the outbox reconciler; listed in PROCESSOR_MODULES so ROLE=api runs none. */
@Module({
  imports: [WebhooksModule, BullModule.registerQueue({ name: QUEUES.webhooks })],
  providers: [DeliverWebhooksProcessor],
})
export class WebhooksProcessorsModule {}
