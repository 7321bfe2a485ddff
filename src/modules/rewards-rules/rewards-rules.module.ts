import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BudgetShares } from './budget-shares';
import { RewardRuleEntity } from './entities/reward-rule.entity';
import { RuleBudgetShareEntity } from './entities/rule-budget-share.entity';
import { RuleUsageEntity } from './entities/rule-usage.entity';
import { RewardsRulesController } from './rewards-rules.controller';
import { RewardsRulesService } from './rewards-rules.service';
import { RuleAdminService } from './rule-admin.service';
import { RuleCache } from './rule-cache';

@Module({
  imports: [TypeOrmModule.forFeature([RewardRuleEntity, RuleUsageEntity, RuleBudgetShareEntity])],
  controllers: [RewardsRulesController],
  providers: [RuleCache, BudgetShares, RewardsRulesService, RuleAdminService],
  exports: [RewardsRulesService],
})
export class RewardsRulesModule {}
