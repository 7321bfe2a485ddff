import { Module } from '@nestjs/common';
import { CRM_PURCHASES_SCOPE, crmBulkScope, ScopeCatalogue } from '../../modules/api-clients';
import { BonusAccountsModule } from '../../modules/bonus-accounts';
import { CustomerEventsModule } from '../../modules/customer-events';
import { DirectoriesModule } from '../../modules/directories';
import { CrmBulkEventsController } from './crm-bulk-events.controller';
import { CrmBulkEventsService } from './crm-bulk-events.service';
import { CrmLoginController } from './crm-login.controller';
import { CrmPurchaseController } from './crm-purchase.controller';
import { CrmPurchaseService } from './crm-purchase.service';
import { DirectoryResolver } from './directory-resolver';
import { BULK_EVENT_PATHS } from './domain/bulk-event-types';

@Module({
  imports: [BonusAccountsModule, CustomerEventsModule, DirectoriesModule],
  controllers: [CrmLoginController, CrmBulkEventsController, CrmPurchaseController],
  providers: [CrmBulkEventsService, CrmPurchaseService, DirectoryResolver],
})
export class CrmApiModule {
  constructor(scopes: ScopeCatalogue) {
    scopes.register([CRM_PURCHASES_SCOPE, ...BULK_EVENT_PATHS.map(crmBulkScope)]);
  }
}
