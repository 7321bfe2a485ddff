import { Module } from '@nestjs/common';
import { CommandApiController } from './command-api.controller';
import { COMMAND_HANDLERS, CommandHandler } from './command-handler';
import { CommandDispatcher } from './command-dispatcher';

/** One class per command, each in a file named for it (commands/). */
const HANDLERS: Array<new (...args: never[]) => CommandHandler> = [];

@Module({
  imports: [],
  controllers: [CommandApiController],
  providers: [
    ...HANDLERS,
    { provide: COMMAND_HANDLERS, useFactory: (...handlers: CommandHandler[]) => handlers, inject: HANDLERS },
    CommandDispatcher,
  ],
})
export class CommandApiModule {}
