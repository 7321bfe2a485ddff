import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateDirectoryEntryDto {
  @ApiProperty({ example: 'EK123456' }) @IsString() @IsNotEmpty() @MaxLength(191) code: string;
  @ApiPropertyOptional({ example: 'Espresso Kiosk' }) @IsOptional() @IsString() @MaxLength(191) name?: string;
  @ApiPropertyOptional({ example: 'EK-1' }) @IsOptional() @IsString() @MaxLength(191) alternativeCode?: string;
  @ApiPropertyOptional({ description: 'Code of the parent entry of the same kind (an outlet names its merchant)', example: 'MERCHANT1' })
  @IsOptional() @IsString() parentCode?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { currency: 'EUR' }, description: 'Free-form attributes; a unit\'s currency is attributes.currency' }) @IsOptional() @IsObject() attributes?: Record<string, unknown>;
}

export class UpdateDirectoryEntryDto extends PartialType(CreateDirectoryEntryDto) {}

export class DirectoryPolicyDto {
  @ApiProperty({ description: 'Closed: unknown values are errors instead of being registered on first sight' })
  @IsBoolean() closed: boolean;
}

export class DirectoryEntryDto {
  @ApiProperty({ example: '12' }) id: string;
  @ApiProperty({ example: 'businessUnit' }) kind: string;
  @ApiProperty() code: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) alternativeCode: string | null;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ nullable: true, type: Object }) attributes: Record<string, unknown> | null;
}
