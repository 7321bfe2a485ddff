import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from '../../common/queue/queues';
import { CommandLocksService } from './command-locks.service';
import { CommandRunsService } from './command-runs.service';
import { CommandItemEntity } from './entities/command-item.entity';
import { CommandLockEntity } from './entities/command-lock.entity';
import { CommandRunEntity } from './entities/command-run.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CommandRunEntity, CommandItemEntity, CommandLockEntity]), BullModule.registerQueue({ name: QUEUES.commands })],
  providers: [CommandLocksService, CommandRunsService],
  exports: [CommandLocksService, CommandRunsService],
})
export class CommandRunsModule {}
