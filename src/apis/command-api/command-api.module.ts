import { Module } from '@nestjs/common';
import { CustomerEventsModule } from '../../modules/customer-events/customer-events.module';
import { CommandApiController } from './command-api.controller';
import { COMMAND_HANDLERS, CommandHandler } from './command-handler';
import { CommandDispatcher } from './command-dispatcher';
import { GetEventOperationCommand } from './commands/get-event-operation.command';
import { LoadCustomerEventsExtCommand } from './commands/load-customer-events-ext.command';

/** One class per command, each in a file named for it (commands/). */
const HANDLERS: Array<new (...args: never[]) => CommandHandler> = [
  LoadCustomerEventsExtCommand,
  GetEventOperationCommand,
];

@Module({
  imports: [CustomerEventsModule],
  controllers: [CommandApiController],
  providers: [
    ...HANDLERS,
    { provide: COMMAND_HANDLERS, useFactory: (...handlers: CommandHandler[]) => handlers, inject: HANDLERS },
    CommandDispatcher,
  ],
})
export class CommandApiModule {}
