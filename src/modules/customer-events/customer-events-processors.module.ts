import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { EVENT_PARTITION_QUEUES, QUEUES } from '../../common/queue/queues';
import { BonusAccountsModule } from '../bonus-accounts';
import { CommandRunsModule } from '../command-runs';
import { CustomersModule } from '../customers';
import { RewardsRulesModule } from '../rewards-rules';
import { WebhooksModule } from '../webhooks';
import { CustomerEventsModule } from './customer-events.module';
import { EventProcessingService } from './processing/event-processing.service';
import { PendingEventsReconciler } from './processing/pending-events-reconciler.service';
import { CustomerEventsProcessor } from './processors/customer-events.processor';
import { EventPartitionsProcessor } from './processors/event-partitions.processor';
import { ReconcileEventsProcessor } from './processors/reconcile-events.processor';
import { EventBacklog } from './routing/event-backlog';
import { EventRouter } from './routing/event-router.service';
import { PartitionLeases } from './routing/partition-lease';

/** Background side of the event register: routing to partitions, chunk processing and the pending-event reconciler. */
@Module({
  imports: [
    CustomerEventsModule, CustomersModule, BonusAccountsModule, RewardsRulesModule, CommandRunsModule, WebhooksModule,
    BullModule.registerQueue({ name: QUEUES.events }, { name: QUEUES.maintenance }, ...EVENT_PARTITION_QUEUES.map((name) => ({ name }))),
  ],
  providers: [
    EventProcessingService, PendingEventsReconciler, CustomerEventsProcessor, ReconcileEventsProcessor,
    EventRouter, PartitionLeases, EventPartitionsProcessor, EventBacklog,
  ],
  exports: [EventProcessingService, PendingEventsReconciler],
})
export class CustomerEventsProcessorsModule {}
