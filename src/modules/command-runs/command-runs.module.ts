import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from '../../common/queue/queues';
import { CommandEventIdsService } from './command-event-ids.service';
import { CommandRunsService } from './command-runs.service';
import { CommandEventIdEntity } from './entities/command-event-id.entity';
import { CommandItemEntity } from './entities/command-item.entity';
import { CommandLockEntity } from './entities/command-lock.entity';
import { CommandRunEntity } from './entities/command-run.entity';
import { ExclusiveRunsService } from './exclusive-runs.service';
import { RunWebhooks } from './run-webhooks';
import { WebhooksModule } from '../webhooks';

@Module({
  imports: [
    TypeOrmModule.forFeature([CommandRunEntity, CommandItemEntity, CommandLockEntity, CommandEventIdEntity]),
    BullModule.registerQueue({ name: QUEUES.commands }),
    WebhooksModule,
  ],
  providers: [CommandEventIdsService, CommandRunsService, ExclusiveRunsService, RunWebhooks],
  exports: [CommandEventIdsService, CommandRunsService, ExclusiveRunsService, RunWebhooks],
})
export class CommandRunsModule {}
