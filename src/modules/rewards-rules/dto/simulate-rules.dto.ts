import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

export const EXAMPLE_SIMULATION = {
  event: {
    eventType: 'operation', operationType: 'purchase', performedOn: '2025-03-15T12:00:00Z', amount: '100', merchant: '123456',
  },
  accountId: '1',
};

export class SimulateRulesDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The event as the rules see it: eventType, performedOn (ISO-8601), amount (the base amount), operationType, currency, ' +
      'classification, merchant, terminal, businessUnit, unit, customerEvent, bankEvent, customerType1..5, mcc, bankProduct, ' +
      'products [{code, quantity, totalAmount}], socialMedia, action, website, kpis [{code, value}], ' +
      'referral {referrerAccountId, referredAccountId}. Directory values are codes.',
    example: EXAMPLE_SIMULATION.event,
  })
  @IsObject()
  event: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, description: 'Bonus account id whose day/month usage the limits count; without it the usage is taken as none', example: '1' })
  @IsOptional()
  accountId?: unknown;
}

export class SimulatedMatchDto {
  @ApiProperty({ example: '1' }) ruleId: string;
  @ApiProperty({ example: '10% back at TSUM on weekends' }) ruleName: string;
  @ApiProperty({ example: '10.00' }) points: string;
  @ApiProperty({ enum: ['self', 'referrer', 'referred'] }) role: string;
}

export class SimulationDto {
  @ApiProperty({ type: [SimulatedMatchDto] }) matches: SimulatedMatchDto[];
  @ApiProperty({ example: '10.00' }) totalPoints: string;
}
