import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QUEUES } from '../../common/queue/queues';
import { CommandRunsModule } from './command-runs.module';
import { RunCommandProcessor } from './processors/run-command.processor';

/** The Bull processor of command step 2; listed in PROCESSOR_MODULES so ROLE=api runs none. */
@Module({
  imports: [CommandRunsModule, BullModule.registerQueue({ name: QUEUES.commands })],
  providers: [RunCommandProcessor],
})
export class CommandRunsProcessorsModule {}
