import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from '../../common/queue/queues';
import { BonusAccountsModule } from '../bonus-accounts';
import { CommandRunsModule } from '../command-runs';
import { CustomersModule } from '../customers';
import { DirectoriesModule } from '../directories';
import { RewardsRulesModule } from '../rewards-rules';
import { WebhooksModule } from '../webhooks';
import { AdminEventsController } from './admin-events.controller';
import { CommandCompletionService } from './command-completion.service';
import { CommandEventsService } from './command-events.service';
import { CustomerEventEntity } from './entities/customer-event.entity';
import { EventOperationsService } from './event-operations.service';
import { EventRegisterService } from './event-register.service';
import { EventWebhooks } from './event-webhooks.service';
import { FailedEventsService } from './failed-events.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([CustomerEventEntity]),
    BullModule.registerQueue({ name: QUEUES.events }),
    DirectoriesModule,
    CommandRunsModule,
    CustomersModule,
    BonusAccountsModule,
    RewardsRulesModule,
    WebhooksModule,
  ],
  controllers: [AdminEventsController],
  providers: [EventRegisterService, CommandEventsService, EventOperationsService, CommandCompletionService, FailedEventsService, EventWebhooks],
  exports: [EventRegisterService, CommandEventsService, EventOperationsService, CommandCompletionService, EventWebhooks],
})
export class CustomerEventsModule {}
