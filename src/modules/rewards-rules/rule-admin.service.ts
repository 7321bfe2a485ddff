import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import Decimal from 'decimal.js';
import { DataSource, IsNull, Repository } from 'typeorm';
import { EVENT_PARTITIONS } from '../../common/queue/queues';
import { inTransaction } from '../../database/transaction';
import { BudgetShares } from './budget-shares';
import { parseEventFacts, readAccountId } from './domain/event-facts-validation';
import { FieldReader } from './domain/field-reader';
import { evaluateEvent, usageScope } from './domain/rule-evaluator';
import { parseRule, RuleInput } from './domain/rule-validation';
import { CreateRewardRuleDto, RewardRuleDto, UpdateRewardRuleDto } from './dto/reward-rule.dto';
import { SimulateRulesDto, SimulationDto } from './dto/simulate-rules.dto';
import { RewardRuleEntity } from './entities/reward-rule.entity';
import { invalidRule, invalidSimulation, ruleNotFound } from './rewards-rules.errors';
import { RewardsRulesService } from './rewards-rules.service';
import { RuleCache } from './rule-cache';
import { applyRuleInput, storedRuleInput, toRuleDto } from './rule-mapping';

/** A budget has one share per event partition (BudgetShares). */
const BUDGET_SHARES = EVENT_PARTITIONS;

/** Stands for "no account" in a simulation: account ids start at 1, so it has no usage. */
const NO_ACCOUNT = '0';

/** The admin use cases: rule CRUD (every change reaches every process's cache before the answer) and the dry run. */
@Injectable()
export class RuleAdminService {
  private readonly logger = new Logger(RuleAdminService.name);

  constructor(
    @InjectRepository(RewardRuleEntity) private readonly rules: Repository<RewardRuleEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: RuleCache,
    private readonly rewardsRules: RewardsRulesService,
    private readonly budgetShares: BudgetShares,
  ) {}

  async create(dto: CreateRewardRuleDto): Promise<RewardRuleDto> {
    const rule = validated(dto);
    const saved = await inTransaction(this.dataSource, async (manager) => {
      const created = await manager.save(applyRuleInput(this.rules.create({ deletedAt: null }), rule));
      await this.budgetShares.spread(manager, created.id, BUDGET_SHARES);
      return created;
    });
    await this.cache.changed();
    this.logger.log({ ruleId: saved.id, name: saved.name }, 'Reward rule created');
    return toRuleDto(await this.find(saved.id));
  }

  async list(): Promise<RewardRuleDto[]> {
    return (await this.rules.find({ where: { deletedAt: IsNull() }, order: { id: 'ASC' } })).map(toRuleDto);
  }

  async get(id: string): Promise<RewardRuleDto> {
    return toRuleDto(await this.find(id));
  }

  async update(id: string, dto: UpdateRewardRuleDto): Promise<RewardRuleDto> {
    const entity = await this.find(id);
    const given = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
    const rule = validated({ ...storedRuleInput(entity), ...given });
    const budgetChanged = (entity.limits?.budget ?? null) !== (rule.limits?.budget ?? null);
    await inTransaction(this.dataSource, async (manager) => {
      // What the shares were granted and did not use goes back first, so a lowered budget holds at once.
      if (budgetChanged) await this.budgetShares.collect(manager, entity.id);
      await manager.save(applyRuleInput(entity, rule));
      if (budgetChanged) await this.budgetShares.spread(manager, entity.id, BUDGET_SHARES);
    });
    await this.cache.changed();
    this.logger.log({ ruleId: id }, 'Reward rule changed');
    return toRuleDto(await this.find(id));
  }

  /** Soft delete: the rule stops applying, and operations it made keep its id and name. */
  async remove(id: string): Promise<void> {
    const result = await this.rules.update({ id: checkedId(id), deletedAt: IsNull() }, { deletedAt: new Date() });
    if (!result.affected) throw ruleNotFound(id);
    await this.cache.changed();
    this.logger.log({ ruleId: id }, 'Reward rule deleted');
  }

  /** What the cached rules would award for the event now, with the account's current usage; writes nothing. */
  async simulate(dto: SimulateRulesDto): Promise<SimulationDto> {
    const parsed = parseEventFacts(dto.event);
    const reader = new FieldReader();
    const accountId = dto.accountId == null ? NO_ACCOUNT : readAccountId(reader, 'accountId', dto.accountId);
    const errors = [...(parsed.ok ? [] : parsed.errors), ...reader.errors];
    if (!parsed.ok || !accountId) throw invalidSimulation(errors);

    const rules = this.rewardsRules.activeRules();
    const scope = usageScope([{ facts: parsed.value, accountId }], rules);
    const usage = await this.rewardsRules.peekUsage(this.dataSource.manager, scope.ruleIds, scope.accountIds, scope.periods);
    const { awards } = evaluateEvent(parsed.value, accountId, rules, usage);
    return {
      matches: awards.map((a) => ({ ruleId: a.ruleId, ruleName: a.ruleName, points: a.points, role: a.role })),
      totalPoints: awards.reduce((sum, a) => sum.plus(a.points), new Decimal(0)).toFixed(2),
    };
  }

  private async find(id: string): Promise<RewardRuleEntity> {
    const entity = await this.rules.findOne({ where: { id: checkedId(id), deletedAt: IsNull() } });
    if (!entity) throw ruleNotFound(id);
    return entity;
  }
}

function validated(input: unknown): RuleInput {
  const parsed = parseRule(input);
  if (!parsed.ok) throw invalidRule(parsed.errors);
  return parsed.value;
}

/** Rule ids are unsigned bigints; anything else names no rule. */
function checkedId(id: string): string {
  if (!/^[1-9]\d{0,19}$/.test(id)) throw ruleNotFound(id);
  return id;
}
