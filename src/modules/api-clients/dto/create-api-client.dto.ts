import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { DEFAULT_SCOPES } from '../domain/client-scopes';
import { ApiClientRole } from '../entities/api-client.entity';

const SCOPES_DESCRIPTION =
  'The integrator operations the client may call: `command:<typeOfCommand>` for one Command API command ' +
  '(e.g. `command:blockCustomers`), `crm:purchases` for the CRM single purchase, `crm:bulk:<type>` for one CRM bulk ' +
  'endpoint (e.g. `crm:bulk:web`), and the wildcards `command:*` and `crm:*`. A call outside them gets 403 in the ' +
  'route\'s envelope. Default: every integrator operation.';

const SCOPES_EXAMPLE = ['command:loadCustomerEventsExt', 'command:getEventOperation', 'crm:purchases'];

export class CreateApiClientDto {
  @ApiProperty({ example: 'Core banking' }) @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiProperty({ enum: ['integrator', 'admin'], example: 'integrator' }) @IsIn(['integrator', 'admin']) role: ApiClientRole;
  @ApiPropertyOptional({ description: SCOPES_DESCRIPTION, type: [String], example: SCOPES_EXAMPLE, default: DEFAULT_SCOPES })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) scopes?: string[];
}

export class UpdateApiClientDto {
  @ApiProperty({ description: SCOPES_DESCRIPTION, type: [String], example: SCOPES_EXAMPLE })
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) scopes: string[];
}

export class ApiClientDto {
  @ApiProperty({ example: '2' }) id: string;
  @ApiProperty({ example: 'Core banking' }) name: string;
  @ApiProperty({ enum: ['integrator', 'admin'] }) role: ApiClientRole;
  @ApiProperty({ description: SCOPES_DESCRIPTION, type: [String], example: DEFAULT_SCOPES }) scopes: string[];
  @ApiProperty({ example: 'be_Q2x' }) keyPrefix: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Own request limit per window; null = the default RATE_LIMIT, 0 = unlimited', example: null })
  rateLimit: number | null;
  @ApiProperty() createdAt: Date;
}

export class CreatedApiClientDto extends ApiClientDto {
  @ApiProperty({ description: 'The API key. Shown only in this answer: store it now.', example: 'be_Q2x…' }) apiKey: string;
}

export class SetRateLimitDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Requests per RATE_LIMIT_WINDOW_MS for this client; null = the default, 0 = unlimited', example: 50 })
  @ValidateIf((_, value) => value !== null)
  @IsInt() @Min(0) @Max(1000000)
  rateLimit: number | null;
}
