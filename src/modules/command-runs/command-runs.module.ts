import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from '../../common/queue/queues';
import { BonusAccountsModule } from '../bonus-accounts';
import { CustomersModule } from '../customers';
import { CommandEventIdsService } from './command-event-ids.service';
import { CommandLocksService } from './command-locks.service';
import { CommandRunsService } from './command-runs.service';
import { CommandStepTwoService } from './command-step-two.service';
import { CustomerItemEffects } from './customer-item-effects';
import { CommandEventIdEntity } from './entities/command-event-id.entity';
import { CommandItemEntity } from './entities/command-item.entity';
import { CommandLockEntity } from './entities/command-lock.entity';
import { CommandRunEntity } from './entities/command-run.entity';
import { PointMessagesService } from './point-messages.service';
import { QuickBonusesService } from './quick-bonuses.service';
import { RunWebhooks } from './run-webhooks';
import { WebhooksModule } from '../webhooks';

@Module({
  imports: [
    TypeOrmModule.forFeature([CommandRunEntity, CommandItemEntity, CommandLockEntity, CommandEventIdEntity]),
    BullModule.registerQueue({ name: QUEUES.commands }),
    CustomersModule,
    BonusAccountsModule,
    WebhooksModule,
  ],
  providers: [CommandEventIdsService, CommandLocksService, CommandRunsService, CustomerItemEffects, PointMessagesService, QuickBonusesService, CommandStepTwoService, RunWebhooks],
  exports: [CommandEventIdsService, CommandLocksService, CommandRunsService, PointMessagesService, QuickBonusesService, CommandStepTwoService],
})
export class CommandRunsModule {}
