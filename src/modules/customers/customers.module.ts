import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BonusAccountsModule } from '../bonus-accounts';
import { WebhooksModule } from '../webhooks';
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

@Module({
  imports: [TypeOrmModule.forFeature([CustomerEntity, AccessTokenEntity, CustomerMessageEntity]), BonusAccountsModule, WebhooksModule],
  controllers: [AdminCustomersController, BonusWindowController],
  providers: [CustomersService, CustomerAdminService, CustomerCommandsService, BonusWindowService, StatusWebhooks],
  exports: [CustomersService, CustomerCommandsService],
})
export class CustomersModule {}
