import { Module } from '@nestjs/common';
import { CRM_PURCHASES_SCOPE, crmBulkScope } from '../../modules/api-clients/domain/client-scopes';
import { ScopeCatalogue } from '../../modules/api-clients/scope-catalogue';
import { BonusAccountsModule } from '../../modules/bonus-accounts/bonus-accounts.module';
import { CustomerEventsModule } from '../../modules/customer-events/customer-events.module';
import { DirectoriesModule } from '../../modules/directories/directories.module';
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
