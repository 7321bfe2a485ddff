import { ApiProperty } from '@nestjs/swagger';
import { OPERATION_TYPES, OperationType } from '../../bonus-accounts';
import { CUSTOMER_STATUSES, CustomerStatus } from '../entities/customer.entity';

export class WindowMessageDto {
  @ApiProperty({ example: 'Double points on fuel this weekend' }) text: string;
  @ApiProperty({ nullable: true, type: String, example: '2025-12-31T00:00:00.000Z' }) showTill: string | null;
}

export class WindowOperationDto {
  @ApiProperty({ enum: OPERATION_TYPES }) operationType: OperationType;
  @ApiProperty({ example: '200.00' }) points: string;
  @ApiProperty({ example: '2025-03-01T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
}

export class BonusWindowDto {
  @ApiProperty({ nullable: true, type: String, example: '12345678' }) login: string | null;
  @ApiProperty({ enum: CUSTOMER_STATUSES, description: 'After this opening: a new customer is now active' }) status: CustomerStatus;
  @ApiProperty({ example: '200.00' }) balance: string;
  @ApiProperty({ type: [WindowMessageDto], description: 'Live messages; each opening shows each one once more' }) messages: WindowMessageDto[];
  @ApiProperty({ type: [WindowOperationDto], description: 'The latest 20 operations, newest first' }) operations: WindowOperationDto[];
}
