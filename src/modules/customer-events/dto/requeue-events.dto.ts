import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { MAX_REQUEUE_IDS } from '../domain/requeue-selection';

/** Either `ids`, or `state` with `from` and `to`; read by parseRequeueSelection, which names every problem. */
export class RequeueEventsDto {
  @ApiPropertyOptional({ type: [String], maxItems: MAX_REQUEUE_IDS, minItems: 1, example: ['7A0F5E1C2B3D4E5F60718293A4B5C6D7'], description: 'Event ids (32 hex characters); those not failed are left alone' })
  @IsOptional()
  ids?: unknown;

  @ApiPropertyOptional({ type: String, enum: ['failed'], description: 'With from and to: every event that failed in the period' })
  @IsOptional()
  state?: unknown;

  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2026-12-01T10:00:00Z', description: 'ISO-8601; the period is of the time the events failed, inclusive' })
  @IsOptional()
  from?: unknown;

  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2026-12-01T11:00:00Z', description: 'ISO-8601, not before from' })
  @IsOptional()
  to?: unknown;
}

export class RequeueResultDto {
  @ApiProperty({ example: 3, description: 'Failed events set back to pending and queued for processing' }) requeued: number;
}
