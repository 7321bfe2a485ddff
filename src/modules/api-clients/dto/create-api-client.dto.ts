import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ApiClientRole } from '../entities/api-client.entity';

export class CreateApiClientDto {
  @ApiProperty({ example: 'Core banking' }) @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiProperty({ enum: ['integrator', 'admin'], example: 'integrator' }) @IsIn(['integrator', 'admin']) role: ApiClientRole;
}

export class ApiClientDto {
  @ApiProperty({ example: '2' }) id: string;
  @ApiProperty({ example: 'Core banking' }) name: string;
  @ApiProperty({ enum: ['integrator', 'admin'] }) role: ApiClientRole;
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
