import { Module } from '@nestjs/common';
import { DeliverWebhooksProcessor } from './processors/deliver-webhooks.processor';
import { WebhooksModule } from './webhooks.module';

/** The delivery worker and the outbox reconciler; listed in PROCESSOR_MODULES so ROLE=api runs none. */
@Module({
  imports: [WebhooksModule],
  providers: [DeliverWebhooksProcessor],
})
export class WebhooksProcessorsModule {}
