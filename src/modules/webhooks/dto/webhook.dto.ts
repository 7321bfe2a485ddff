import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { WEBHOOK_EVENT_TYPES, WebhookEventType } from '../domain/event-types';
import { DELIVERY_STATES, DeliveryState } from '../domain/delivery-states';

const EVENTS_DESCRIPTION = `Event types to receive: ${WEBHOOK_EVENT_TYPES.join(', ')}`;
const CLIENT_DESCRIPTION =
  "Only this API client's command and event messages (command.finished, customer_event.*); without it the " +
  'subscription receives every client\'s and the customer-level events (points.*, customer.status_changed)';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://crm.example.com/hooks/bonus', description: 'http or https URL the engine POSTs to' })
  @IsString() @MaxLength(2000) url: string;
  @ApiProperty({ description: EVENTS_DESCRIPTION, enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['command.finished', 'customer.status_changed'] })
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length) @IsIn(WEBHOOK_EVENT_TYPES as unknown as string[], { each: true })
  events: WebhookEventType[];
  @ApiPropertyOptional({ type: String, description: CLIENT_DESCRIPTION, example: '2', nullable: true })
  @IsOptional() @Matches(/^[1-9]\d{0,18}$/, { message: 'clientId must be an API client id' }) clientId?: string | null;
  @ApiPropertyOptional({ description: 'Signing secret (16–200 characters); generated when absent. Shown only in this answer.' })
  @IsOptional() @IsString() @MinLength(16) @MaxLength(200) secret?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ example: 'https://crm.example.com/hooks/bonus' }) @IsOptional() @IsString() @MaxLength(2000) url?: string;
  @ApiPropertyOptional({ description: EVENTS_DESCRIPTION, enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsOptional() @IsArray() @ArrayNotEmpty() @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length) @IsIn(WEBHOOK_EVENT_TYPES as unknown as string[], { each: true })
  events?: WebhookEventType[];
  @ApiPropertyOptional({ type: String, description: CLIENT_DESCRIPTION, nullable: true })
  @IsOptional() @Matches(/^[1-9]\d{0,18}$/, { message: 'clientId must be an API client id' }) clientId?: string | null;
  @ApiPropertyOptional({ description: 'A new signing secret (16–200 characters)' }) @IsOptional() @IsString() @MinLength(16) @MaxLength(200) secret?: string;
  @ApiPropertyOptional({ description: 'false stops deliveries; true re-activates a subscription (also one deactivated for failing)' })
  @IsOptional() @IsBoolean() active?: boolean;
}

export class WebhookDto {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: 'https://crm.example.com/hooks/bonus' }) url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['command.finished', 'customer.status_changed'] }) events: WebhookEventType[];
  @ApiProperty({ type: String, nullable: true, example: null }) clientId: string | null;
  @ApiProperty({ example: true }) active: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Since when every delivery has failed (null: the last one succeeded)', example: null })
  failingSince: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'The signing secret. Shown only in this answer: store it now.', example: 'whsec_3q2+7w…' }) secret: string;
}

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATES }) @IsOptional() @IsIn(DELIVERY_STATES as unknown as string[]) state?: DeliveryState;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @Matches(/^\d{1,20}$/, { message: 'cursor must be a nextCursor' }) cursor?: string;
}

export class DeliveryDto {
  @ApiProperty({ example: '5b1d7c0e-3f0a-4c52-9d57-0d7e1f1c2a90', description: 'The X-Webhook-Id of every attempt' }) deliveryId: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) type: WebhookEventType;
  @ApiProperty({ enum: DELIVERY_STATES }) state: DeliveryState;
  @ApiProperty({ example: 1, description: 'Items in the POST (batched types carry up to WEBHOOK_BATCH_SIZE)' }) items: number;
  @ApiProperty({ example: 3 }) attempts: number;
  @ApiProperty({ type: Number, nullable: true, example: 500, description: 'HTTP status of the last attempt (null: no answer)' }) statusCode: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'HTTP 500' }) lastError: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: String, nullable: true }) nextAttemptAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) deliveredAt: Date | null;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] }) deliveries: DeliveryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next (older) page; null: last page' }) nextCursor: string | null;
}
