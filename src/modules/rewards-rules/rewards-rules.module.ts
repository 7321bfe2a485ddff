import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RewardRuleEntity } from './entities/reward-rule.entity';
import { RuleUsageEntity } from './entities/rule-usage.entity';

@Module({
  imports: [TypeOrmModule.forFeature([RewardRuleEntity, RuleUsageEntity])],
  providers: [],
  exports: [],
})
export class RewardsRulesModule {}
