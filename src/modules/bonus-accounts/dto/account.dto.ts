import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OPERATION_TYPES, OperationType } from '../entities/bonus-operation.entity';

export class LotDto {
  @ApiProperty({ example: '101' }) operationId: string;
  @ApiProperty({ example: '200.00', description: 'Points the lot was created with' }) points: string;
  @ApiProperty({ example: '150.00', description: 'What is left for spends and expiry' }) remaining: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) expiresAt: Date | null;
}

export class OperationDto {
  @ApiProperty({ example: '101' }) operationId: string;
  @ApiProperty({ enum: OPERATION_TYPES }) operationType: OperationType;
  @ApiProperty({ example: '-50.00', description: 'Signed' }) points: string;
  @ApiProperty({ nullable: true, type: String, description: 'Register event id' }) eventId: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The integrator's eventId of a command accrual" }) externalEventId: string | null;
  @ApiProperty({ nullable: true, type: String }) ruleId: string | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) expiresAt: Date | null;
}

export class AccountDetailsDto {
  @ApiProperty({ type: String, nullable: true, example: 'ACR0000000077' }) number: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'RP0000000010' }) participantNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ example: '3f1c2a9e-6f7b-4c3e-9a51-0d5a7c3e2b11' }) customerId: string;
  @ApiProperty({ enum: ['new', 'active', 'blocked'] }) customerStatus: string;
  @ApiProperty({ example: '150.00' }) balance: string;
  @ApiProperty({ type: [LotDto], description: 'The 100 first-expiring lots with points left' }) lots: LotDto[];
  @ApiProperty({ type: [OperationDto], description: 'The latest 50 operations, newest first' }) operations: OperationDto[];
}

const POINTS_PATTERN = /^[+-]?\d{1,16}(\.\d{1,2})?$/;

export class AdjustmentDto {
  @ApiProperty({ oneOf: [{ type: 'string', pattern: POINTS_PATTERN.source }, { type: 'number' }], example: '-25.50', description: 'Signed points, at most 2 decimals (a JSON number or a decimal string). Negative consumes lots first-expiring-first and cannot take the balance below zero.' })
  @Transform(({ value }) => (typeof value === 'number' ? String(value) : value))
  @IsString()
  @Matches(POINTS_PATTERN, { message: 'points must be a signed number with at most 2 decimals' })
  points: string;

  @ApiProperty({ required: false, maxLength: 500, example: 'Goodwill credit' })
  @IsOptional() @IsString() @MaxLength(500)
  comment?: string;
}

export class AdjustmentResultDto {
  @ApiProperty({ example: '102' }) operationId: string;
  @ApiProperty({ enum: ['adjustment'], example: 'adjustment' }) operationType: 'adjustment';
  @ApiProperty({ example: '-25.50' }) points: string;
  @ApiProperty({ example: '124.50', description: 'The balance after the adjustment' }) balance: string;
}
