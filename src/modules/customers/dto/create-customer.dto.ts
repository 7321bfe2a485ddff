import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PHONE_PATTERN } from '../domain/customer-fields';
import { CUSTOMER_STATUSES, CustomerStatus } from '../entities/customer.entity';

export class AccessTokenInputDto {
  @ApiProperty({ example: '4A30966F684B0269AD91' }) @IsString() @IsNotEmpty() @MaxLength(191) authenticationCode: string;
  @ApiPropertyOptional({ example: 'card-0001' }) @IsOptional() @IsString() @MaxLength(191) identifier?: string;
  @ApiPropertyOptional({ description: 'Stored hashed, never shown again', example: '1234' }) @IsOptional() @IsString() @MaxLength(191) passCode?: string;
}

export class CreateCustomerDto {
  @ApiPropertyOptional({ example: '9803d32e-8fcd-4984-a736-9f02f726b3c0', description: 'External GUID (the Command API customerId)' })
  @IsOptional() @IsUUID('all') guid?: string;
  @ApiPropertyOptional({ example: '12345678', description: 'Login' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) uniqId?: string;
  @ApiPropertyOptional({ example: 'ivan@example.com' }) @IsOptional() @IsEmail() @MaxLength(191) email?: string;
  @ApiPropertyOptional({ example: '+79161234567' }) @IsOptional() @Matches(PHONE_PATTERN, { message: 'phone must match ^\\+?[1-9]\\d{9,14}$' }) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) info?: string;
  @ApiPropertyOptional({ enum: CUSTOMER_STATUSES, default: 'new' }) @IsOptional() @IsIn(CUSTOMER_STATUSES) status?: CustomerStatus;
  @ApiPropertyOptional({ example: 'debitCardHolder' }) @IsOptional() @IsString() @MaxLength(191) customerType1?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(191) customerType2?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(191) customerType3?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(191) customerType4?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(191) customerType5?: string;
  @ApiPropertyOptional({ example: 'ACR0000000077', description: 'ACR + 10 digits; generated when absent' })
  @IsOptional() @Matches(/^ACR\d{10}$/, { message: 'accountNumber must be ACR followed by 10 digits' }) accountNumber?: string;
  @ApiPropertyOptional({ example: 'RP0000000010', description: 'RP + 10 digits; generated when absent' })
  @IsOptional() @Matches(/^RP\d{10}$/, { message: 'participantNumber must be RP followed by 10 digits' }) participantNumber?: string;
  @ApiPropertyOptional({ example: 'Ivan Petrov' }) @IsOptional() @IsString() @MaxLength(191) accountName?: string;
  @ApiPropertyOptional({ type: [AccessTokenInputDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AccessTokenInputDto) accessTokens?: AccessTokenInputDto[];
}

export class FindCustomersQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() uniqId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() guid?: string;
  @ApiPropertyOptional({ example: '+79161234567' }) @IsOptional() @IsString() phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() email?: string;
}
