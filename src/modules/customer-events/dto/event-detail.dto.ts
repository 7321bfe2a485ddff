import { ApiProperty } from '@nestjs/swagger';
import { OPERATION_TYPES } from '../../bonus-accounts';
import { EVENT_STATES, EventState } from '../entities/customer-event.entity';

const FREE_FORM = { type: 'object', additionalProperties: true } as const;

export class EventLedgerOperationDto {
  @ApiProperty({ example: '101' }) id: string;
  @ApiProperty({ example: '17' }) accountId: string;
  @ApiProperty({ enum: OPERATION_TYPES, example: 'accrual' }) type: string;
  @ApiProperty({ example: '10.00', description: 'Signed points' }) points: string;
  @ApiProperty({ type: String, nullable: true, example: '1' }) ruleId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '10% back at TSUM on weekends' }) ruleName: string | null;
  @ApiProperty() createdAt: Date;
}

/** An event of the register as admins see it. */
export class EventDetailDto {
  @ApiProperty({ example: '45FBB6E86583A85E2786B12CBAB688C5', description: 'The 32-character event id' }) id: string;
  @ApiProperty({ example: '1042', description: 'Sequential number (the CRM `number`)' }) number: string;
  @ApiProperty({ example: 'operation', description: 'The event type (Command API eventType or CRM event type)' }) type: string;
  @ApiProperty({ enum: ['command', 'crm'], description: 'The API that brought it' }) source: string;
  @ApiProperty({ example: '2', description: 'The API client that sent it' }) clientId: string;
  @ApiProperty({ type: String, nullable: true, example: 'cmd:636554297092801053', description: "The client's idempotency key" })
  externalKey: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: null, description: 'The Command API command that brought it' })
  commandId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: '3f1c2a9e-6f7b-4c3e-9a51-0d5a7c3e2b11' }) customerId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '17' }) accountId: string | null;
  @ApiProperty() performedOn: Date;
  @ApiProperty({ type: String, nullable: true, example: '100.0000', description: 'The base amount the rules see' }) amount: string | null;
  @ApiProperty({ ...FREE_FORM, description: 'The event as the rules see it', example: { eventType: 'operation', operationType: 'purchase', amount: '100.0000' } })
  attributes: Record<string, unknown>;
  @ApiProperty({ ...FREE_FORM, nullable: true, description: 'The type-specific request fields as received', example: { merchantName: 'TSUM' } })
  payload: Record<string, unknown> | null;
  @ApiProperty({ ...FREE_FORM, nullable: true, description: 'CRM user-defined fields', example: null }) udf: Record<string, unknown> | null;
  @ApiProperty({ enum: EVENT_STATES, example: 'processed' }) state: EventState;
  @ApiProperty({ type: String, nullable: true, example: '10.00', description: 'Points the event earned, once processed' }) points: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Why it was rejected or failed' }) error: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) processedAt: Date | null;
  @ApiProperty({ type: [EventLedgerOperationDto], description: 'Its ledger operations, oldest first' }) operations: EventLedgerOperationDto[];
}
