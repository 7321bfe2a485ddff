import { ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const INDICATOR: SchemaObject = {
  type: 'object', required: ['status'], additionalProperties: true,
  properties: { status: { type: 'string', enum: ['up', 'down'] }, message: { type: 'string' } },
};
const INDICATORS = { type: 'object', additionalProperties: INDICATOR } as const;

/** What GET /health answers while MariaDB and Redis both answer. */
export class HealthStatusDto {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status: string;
  @ApiProperty({ ...INDICATORS, description: 'The checks that passed', example: { database: { status: 'up' }, redis: { status: 'up' } } })
  info: Record<string, unknown>;
  @ApiProperty({ ...INDICATORS, description: 'The checks that failed (none on 200)', example: {} }) error: Record<string, unknown>;
  @ApiProperty({ ...INDICATORS, description: 'Every check', example: { database: { status: 'up' }, redis: { status: 'up' } } })
  details: Record<string, unknown>;
}
