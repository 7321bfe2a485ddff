import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { DIRECTORY_KINDS } from '../directory-kinds';

const ATTRIBUTES = {
  type: 'object',
  additionalProperties: true,
  description:
    'Free-form attributes. Two are read by the engine: a `unit`\'s `currency` (a currency code), which CRM purchases ' +
    'must name as their `intended_currency_identifier`, and a `classification`\'s `eventTypes` (the CRM event types it is for).',
} as const;

export class CreateDirectoryEntryDto {
  @ApiProperty({ maxLength: 191, example: 'EK123456' }) @IsString() @IsNotEmpty() @MaxLength(191) code: string;
  @ApiPropertyOptional({ maxLength: 191, example: 'Espresso Kiosk' }) @IsOptional() @IsString() @MaxLength(191) name?: string;
  @ApiPropertyOptional({ maxLength: 191, example: 'EK-1' }) @IsOptional() @IsString() @MaxLength(191) alternativeCode?: string;
  @ApiPropertyOptional({ description: 'Code of the parent entry of the same kind (an outlet names its merchant)', example: 'MERCHANT1' })
  @IsOptional() @IsString() parentCode?: string;
  @ApiPropertyOptional({ ...ATTRIBUTES, example: { currency: 'EUR' } }) @IsOptional() @IsObject() attributes?: Record<string, unknown>;
}

export class UpdateDirectoryEntryDto extends PartialType(CreateDirectoryEntryDto) {}

export class DirectoryPolicyDto {
  @ApiProperty({ description: 'Closed: unknown values are errors instead of being registered on first sight' })
  @IsBoolean() closed: boolean;
}

export class DirectoryPolicyResultDto {
  @ApiProperty({ enum: DIRECTORY_KINDS, example: 'merchant' }) kind: string;
  @ApiProperty({ example: true }) closed: boolean;
}

export class DirectoryEntryDto {
  @ApiProperty({ example: '12' }) id: string;
  @ApiProperty({ enum: DIRECTORY_KINDS, example: 'unit' }) kind: string;
  @ApiProperty({ example: 'EK123456' }) code: string;
  @ApiProperty({ nullable: true, type: String, example: 'Espresso Kiosk' }) name: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) alternativeCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Id of the parent entry' }) parentId: string | null;
  @ApiProperty({ ...ATTRIBUTES, nullable: true, example: { currency: 'EUR' } }) attributes: Record<string, unknown> | null;
}
