import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { COMMAND_OPERATION_TYPES, EVENT_TYPES } from '../domain/event-facts';
import { AWARD_TYPES } from '../domain/rule-validation';

/** SPEC §6's example rule. */
export const EXAMPLE_RULE = {
  name: '10% back at TSUM on weekends',
  active: true,
  priority: 10,
  validFrom: '2025-01-01T00:00:00Z',
  validTo: null,
  when: { eventTypes: ['operation'], operationTypes: ['purchase'], merchants: ['123456'], minAmount: '10', daysOfWeek: [6, 7] },
  award: { type: 'percent', percent: '10', rounding: 'floor' },
  limits: { maxPointsPerEvent: '500', maxPointsPerCustomerPerDay: '1000', budget: '1000000' },
  expiresInDays: 365,
  exclusive: false,
};

const DECIMAL = 'A JSON number or a decimal string; stored and returned as a decimal string.';
const CODES: ApiPropertyOptions = { type: [String], description: 'Directory codes; the event matches when its value is one of them (case-insensitive).' };

/** The `when` object (documentation: it is validated as a whole by the rule validator). */
export class RuleConditionsSchema {
  @ApiPropertyOptional({ enum: EVENT_TYPES, isArray: true }) eventTypes?: string[];
  @ApiPropertyOptional({ enum: COMMAND_OPERATION_TYPES, isArray: true }) operationTypes?: string[];
  @ApiPropertyOptional(CODES) classifications?: string[];
  @ApiPropertyOptional(CODES) merchants?: string[];
  @ApiPropertyOptional(CODES) terminals?: string[];
  @ApiPropertyOptional(CODES) businessUnits?: string[];
  @ApiPropertyOptional(CODES) units?: string[];
  @ApiPropertyOptional(CODES) customerEvents?: string[];
  @ApiPropertyOptional(CODES) bankEvents?: string[];
  @ApiPropertyOptional(CODES) customerType1?: string[];
  @ApiPropertyOptional(CODES) customerType2?: string[];
  @ApiPropertyOptional(CODES) customerType3?: string[];
  @ApiPropertyOptional(CODES) customerType4?: string[];
  @ApiPropertyOptional(CODES) customerType5?: string[];
  @ApiPropertyOptional(CODES) mcc?: string[];
  @ApiPropertyOptional(CODES) bankProducts?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Product codes: at least one of the purchase’s products is one of these.' }) products?: string[];
  @ApiPropertyOptional(CODES) currencies?: string[];
  @ApiPropertyOptional({ type: String, description: `Inclusive, 4 decimals. ${DECIMAL}`, example: '10' }) minAmount?: string;
  @ApiPropertyOptional({ type: String, description: `Inclusive, 4 decimals. ${DECIMAL}` }) maxAmount?: string;
  @ApiPropertyOptional(CODES) socialMedia?: string[];
  @ApiPropertyOptional(CODES) actions?: string[];
  @ApiPropertyOptional(CODES) websites?: string[];
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', required: ['code'], properties: { code: { type: 'string' }, min: { type: 'string', description: DECIMAL } } },
    description: 'Each KPI measured and, with min, at least min',
    example: [{ code: 'steps', min: '10000' }],
  })
  kpis?: Array<{ code: string; min?: string }>;
  @ApiPropertyOptional({ type: [Number], description: 'ISO days of the event’s UTC date: 1 = Monday … 7 = Sunday', example: [6, 7] })
  daysOfWeek?: number[];
}

export class RuleAwardSchema {
  @ApiProperty({ enum: AWARD_TYPES }) type: string;
  @ApiPropertyOptional({ type: String, description: `fixed, perAmount, perProductUnit: points (2 decimals). ${DECIMAL}` }) points?: string;
  @ApiPropertyOptional({ type: String, description: `percent: percent of the base amount (4 decimals). ${DECIMAL}` }) percent?: string;
  @ApiPropertyOptional({ type: String, description: `perAmount: points per whole step of the amount (4 decimals). ${DECIMAL}` }) step?: string;
  @ApiPropertyOptional({ description: 'kpiFactor: the KPI code whose value is multiplied' }) kpi?: string;
  @ApiPropertyOptional({ type: String, description: `kpiFactor: the multiplier (4 decimals). ${DECIMAL}` }) factor?: string;
  @ApiPropertyOptional({ enum: ['floor', 'round', 'none'], default: 'none', description: 'floor: whole points down; round: whole points half-up; none: 2 decimals, the rest dropped' })
  rounding?: string;
  @ApiPropertyOptional({ enum: ['referrer', 'referred', 'both'], default: 'referred', description: 'Referral events: who gets the points' })
  target?: string;
}

export class RuleLimitsSchema {
  @ApiPropertyOptional({ type: String, description: `Per award. ${DECIMAL}` }) maxPointsPerEvent?: string;
  @ApiPropertyOptional({ type: String, description: `Per receiving account and UTC day of the event. ${DECIMAL}` }) maxPointsPerCustomerPerDay?: string;
  @ApiPropertyOptional({ type: String, description: `Per receiving account and UTC month of the event. ${DECIMAL}` }) maxPointsPerCustomerPerMonth?: string;
  @ApiPropertyOptional({ type: String, description: `Total points the rule may award; counted from when it is set. ${DECIMAL}` }) budget?: string;
}

/**
 * Top-level types are checked here; the whole rule (nested `when`, `award`, `limits`, numbers and
 * dates) by the rule validator, which reports every bad field with its path.
 */
export class CreateRewardRuleDto {
  @ApiProperty({ example: EXAMPLE_RULE.name }) @IsString() @IsNotEmpty() @MaxLength(191) name: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ default: 0, description: 'Higher runs first; equal priorities run in id order' }) @IsOptional() @IsInt() priority?: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO-8601; compared with the event’s date (inclusive)', example: EXAMPLE_RULE.validFrom })
  @IsOptional() @IsString() validFrom?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO-8601, after validFrom; inclusive' }) @IsOptional() @IsString() validTo?: string | null;
  @ApiProperty({ type: RuleConditionsSchema, description: 'Every given condition must hold; {} matches every event' }) @IsObject() when: Record<string, unknown>;
  @ApiProperty({ type: RuleAwardSchema }) @IsObject() award: Record<string, unknown>;
  @ApiPropertyOptional({ type: RuleLimitsSchema, nullable: true }) @IsOptional() @IsObject() limits?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Days from the event’s date until the points expire' })
  @IsOptional() @IsInt() @Min(1) expiresInDays?: number | null;
  @ApiPropertyOptional({ default: false, description: 'When its conditions hold, the rules after it are not applied' }) @IsOptional() @IsBoolean() exclusive?: boolean;
}

/** Top-level fields given replace the stored ones (a given `when` replaces the whole `when`); null clears the nullable ones. */
export class UpdateRewardRuleDto extends PartialType(CreateRewardRuleDto) {}

export class RewardRuleDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() active: boolean;
  @ApiProperty() priority: number;
  @ApiProperty({ type: String, nullable: true, example: '2025-01-01T00:00:00.000Z' }) validFrom: string | null;
  @ApiProperty({ type: String, nullable: true }) validTo: string | null;
  @ApiProperty({ type: RuleConditionsSchema }) when: unknown;
  @ApiProperty({ type: RuleAwardSchema }) award: unknown;
  @ApiProperty({ type: RuleLimitsSchema, nullable: true }) limits: unknown;
  @ApiProperty({ type: Number, nullable: true }) expiresInDays: number | null;
  @ApiProperty() exclusive: boolean;
  @ApiProperty({ description: 'Points awarded against the budget so far', example: '0.00' }) budgetUsed: string;
}
