import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RewardRuleEntity } from './entities/reward-rule.entity';
import { RuleUsageEntity } from './entities/rule-usage.entity';
import { RewardsRulesController } from './rewards-rules.controller';
import { RewardsRulesService } from './rewards-rules.service';
import { RuleAdminService } from './rule-admin.service';
import { RuleCache } from './rule-cache';

@Module({
  imports: [TypeOrmModule.forFeature([RewardRuleEntity, RuleUsageEntity])],
  controllers: [RewardsRulesController],
  providers: [RuleCache, RewardsRulesService, RuleAdminService],
  exports: [RewardsRulesService],
})
export class RewardsRulesModule {}
