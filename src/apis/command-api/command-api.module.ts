import { Module } from '@nestjs/common';
import { CommandRunsModule } from '../../modules/command-runs';
import { CustomerEventsModule } from '../../modules/customer-events';
import { CustomersModule } from '../../modules/customers';
import { CommandApiController } from './command-api.controller';
import { COMMAND_HANDLERS, CommandHandler } from './command-handler';
import { CommandDispatcher } from './command-dispatcher';
import { ActivateCustomersCommand } from './commands/activate-customers.command';
import { AddBonusExtQuickCommand } from './commands/add-bonus-ext-quick.command';
import { AddCustomerPointMessageCommand } from './commands/add-customer-point-message.command';
import { BlockCustomersCommand } from './commands/block-customers.command';
import { GetBalanceCustomersExtCommand } from './commands/get-balance-customers-ext.command';
import { GetBonusOperationExtCommand } from './commands/get-bonus-operation-ext.command';
import { GetCustomerLinkCommand } from './commands/get-customer-link.command';
import { GetEventOperationCommand } from './commands/get-event-operation.command';
import { LoadCustomerEventsExtCommand } from './commands/load-customer-events-ext.command';

/** One class per command, each in a file named for it (commands/). */
const HANDLERS: Array<new (...args: never[]) => CommandHandler> = [
  LoadCustomerEventsExtCommand,
  GetEventOperationCommand,
  AddCustomerPointMessageCommand,
  AddBonusExtQuickCommand,
  GetBalanceCustomersExtCommand,
  GetBonusOperationExtCommand,
  BlockCustomersCommand,
  ActivateCustomersCommand,
  GetCustomerLinkCommand,
];

@Module({
  imports: [CustomerEventsModule, CommandRunsModule, CustomersModule],
  controllers: [CommandApiController],
  providers: [
    ...HANDLERS,
    { provide: COMMAND_HANDLERS, useFactory: (...handlers: CommandHandler[]) => handlers, inject: HANDLERS },
    CommandDispatcher,
  ],
})
export class CommandApiModule {}
