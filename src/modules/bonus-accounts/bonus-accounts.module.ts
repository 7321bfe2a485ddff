import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountLookupService } from './account-lookup.service';
import { AdminAccountsController } from './admin-accounts.controller';
import { BonusAccountsService } from './bonus-accounts.service';
import { BonusAccountEntity } from './entities/bonus-account.entity';
import { BonusOperationEntity } from './entities/bonus-operation.entity';
import { LedgerStore } from './ledger-store';

@Module({
  imports: [TypeOrmModule.forFeature([BonusAccountEntity, BonusOperationEntity])],
  controllers: [AdminAccountsController],
  providers: [BonusAccountsService, LedgerStore, AccountLookupService],
  exports: [BonusAccountsService, AccountLookupService],
})
export class BonusAccountsModule {}
