import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BonusAccountEntity } from './entities/bonus-account.entity';
import { BonusOperationEntity } from './entities/bonus-operation.entity';

@Module({
  imports: [TypeOrmModule.forFeature([BonusAccountEntity, BonusOperationEntity])],
  providers: [],
  exports: [],
})
export class BonusAccountsModule {}
