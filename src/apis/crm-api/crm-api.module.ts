import { Module } from '@nestjs/common';
import { BonusAccountsModule } from '../../modules/bonus-accounts';
import { CustomerEventsModule } from '../../modules/customer-events';
import { DirectoriesModule } from '../../modules/directories';
import { CrmBulkEventsController } from './crm-bulk-events.controller';
import { CrmBulkEventsService } from './crm-bulk-events.service';
import { CrmLoginController } from './crm-login.controller';
import { CrmPurchaseController } from './crm-purchase.controller';
import { CrmPurchaseService } from './crm-purchase.service';
import { DirectoryResolver } from './directory-resolver';

@Module({
  imports: [BonusAccountsModule, CustomerEventsModule, DirectoriesModule],
  controllers: [CrmLoginController, CrmBulkEventsController, CrmPurchaseController],
  providers: [CrmBulkEventsService, CrmPurchaseService, DirectoryResolver],
})
export class CrmApiModule {}
