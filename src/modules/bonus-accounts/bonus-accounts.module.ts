import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountLookupService } from './account-lookup.service';
import { AdminAccountsController } from './admin-accounts.controller';
import { BonusAccountsService } from './bonus-accounts.service';
import { BonusAccountEntity } from './entities/bonus-account.entity';
import { BonusOperationEntity } from './entities/bonus-operation.entity';
import { LedgerStore } from './ledger-store';
import { WebhooksModule } from '../webhooks';
import { ExpiryNoticesService } from './expiry-notices.service';

@Module({
  imports: [TypeOrmModule.forFeature([BonusAccountEntity, BonusOperationEntity]), WebhooksModule],
  controllers: [AdminAccountsController],
  providers: [BonusAccountsService, LedgerStore, AccountLookupService, ExpiryNoticesService],
  exports: [BonusAccountsService, AccountLookupService, ExpiryNoticesService],
})
export class BonusAccountsModule {}
