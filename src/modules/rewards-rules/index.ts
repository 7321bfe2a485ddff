export { RewardsRulesModule } from './rewards-rules.module';
export { RewardsRulesService } from './rewards-rules.service';
export { COMMAND_EVENT_TYPES, COMMAND_OPERATION_TYPES } from './domain/event-facts';
export type { CrmEventType, EventFacts, FactsEventType } from './domain/event-facts';
export type { AwardPlan, BatchItem, RuleAward } from './domain/rule-evaluator';
export { withBudgetFallback } from './budget-fallback';
export type { SettleOptions } from './budget-fallback';
export type { BudgetClaim } from './domain/budget-claims';
