import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BonusAccountsModule } from '../bonus-accounts';
import { CommandRunsModule, STEP_TWO_HANDLERS, StepTwoHandler } from '../command-runs';
import { WebhooksModule } from '../webhooks';
import { CustomerItemEffects } from './add-commands/customer-item-effects';
import { PointMessagesService } from './add-commands/point-messages.service';
import { QuickBonusesService } from './add-commands/quick-bonuses.service';
import { AdminCustomersController } from './admin-customers.controller';
import { BonusWindowController } from './bonus-window.controller';
import { BonusWindowService } from './bonus-window.service';
import { CustomerAdminService } from './customer-admin.service';
import { CustomerCommandsService } from './customer-commands.service';
import { CustomersService } from './customers.service';
import { StatusWebhooks } from './status-webhooks';
import { AccessTokenEntity } from './entities/access-token.entity';
import { CustomerMessageEntity } from './entities/customer-message.entity';
import { CustomerEntity } from './entities/customer.entity';

/** The add… commands, whose step 2 command-runs' processor runs through STEP_TWO_HANDLERS. */
const ADD_COMMANDS = [PointMessagesService, QuickBonusesService];

@Module({
  imports: [TypeOrmModule.forFeature([CustomerEntity, AccessTokenEntity, CustomerMessageEntity]), BonusAccountsModule, CommandRunsModule, WebhooksModule],
  controllers: [AdminCustomersController, BonusWindowController],
  providers: [
    CustomersService, CustomerAdminService, CustomerCommandsService, BonusWindowService, StatusWebhooks, CustomerItemEffects, ...ADD_COMMANDS,
    { provide: STEP_TWO_HANDLERS, useFactory: (...handlers: StepTwoHandler[]) => handlers, inject: ADD_COMMANDS },
  ],
  exports: [CustomersService, CustomerCommandsService, ...ADD_COMMANDS, STEP_TWO_HANDLERS],
})
export class CustomersModule {}
