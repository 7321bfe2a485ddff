import { Module } from '@nestjs/common';
import { CommandRunsModule } from './command-runs.module';
import { RunCommandProcessor } from './processors/run-command.processor';

/** The Bull processor of command step 2; listed in PROCESSOR_MODULES so ROLE=api runs none. */
@Module({
  imports: [CommandRunsModule],
  providers: [RunCommandProcessor],
})
export class CommandRunsProcessorsModule {}
