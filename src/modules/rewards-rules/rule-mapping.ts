import { RuleDefinition } from './domain/rule-definition';
import { RuleInput } from './domain/rule-validation';
import { RewardRuleDto } from './dto/reward-rule.dto';
import { RewardRuleEntity } from './entities/reward-rule.entity';

/** The rule as stored, in the shape an admin writes it (SPEC §6), for validation and merging. */
export function storedRuleInput(entity: RewardRuleEntity): Record<string, unknown> {
  return {
    name: entity.name, active: entity.active, priority: entity.priority,
    validFrom: entity.validFrom?.toISOString() ?? null, validTo: entity.validTo?.toISOString() ?? null,
    when: entity.conditions, award: entity.award, limits: entity.limits, expiresInDays: entity.expiresInDays, exclusive: entity.exclusive,
  };
}

/** Writes a validated rule onto its row. */
export function applyRuleInput(entity: RewardRuleEntity, rule: RuleInput): RewardRuleEntity {
  entity.name = rule.name;
  entity.active = rule.active;
  entity.priority = rule.priority;
  entity.validFrom = rule.validFrom ? new Date(rule.validFrom) : null;
  entity.validTo = rule.validTo ? new Date(rule.validTo) : null;
  entity.conditions = rule.when as Record<string, unknown>;
  entity.award = rule.award as unknown as Record<string, unknown>;
  entity.limits = rule.limits as Record<string, unknown> | null;
  entity.expiresInDays = rule.expiresInDays;
  entity.exclusive = rule.exclusive;
  return entity;
}

export function toRuleDto(entity: RewardRuleEntity): RewardRuleDto {
  return { id: entity.id, ...(storedRuleInput(entity) as Omit<RuleDefinition, 'id'>), budgetUsed: entity.budgetUsed };
}
