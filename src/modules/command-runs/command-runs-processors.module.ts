import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { QUEUES } from '../../common/queue/queues';
import { CommandRunsModule } from './command-runs.module';
import { CommandStepTwoService } from './command-step-two.service';
import { RunCommandProcessor } from './processors/run-command.processor';

/**
 * The Bull processor of command step 2; listed in PROCESSOR_MODULES so ROLE=api runs none. The
 * use cases come from `handlers`, a module that exports STEP_TWO_HANDLERS (one per command type).
 */
@Module({})
export class CommandRunsProcessorsModule {
  static forHandlers(handlers: Type): DynamicModule {
    return {
      module: CommandRunsProcessorsModule,
      imports: [CommandRunsModule, handlers, BullModule.registerQueue({ name: QUEUES.commands })],
      providers: [CommandStepTwoService, RunCommandProcessor],
    };
  }
}
