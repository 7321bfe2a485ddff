import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QUEUES } from '../../common/queue/queues';
import { BonusAccountsModule } from './bonus-accounts.module';
import { PointsExpiryProcessor } from './processors/points-expiry.processor';

/** The scheduled points expiry; listed in PROCESSOR_MODULES so ROLE=api runs none. */
@Module({
  imports: [BonusAccountsModule, BullModule.registerQueue({ name: QUEUES.maintenance })],
  providers: [PointsExpiryProcessor],
})
export class BonusAccountsProcessorsModule {}
