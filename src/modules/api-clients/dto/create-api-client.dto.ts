import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
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
  @ApiProperty() createdAt: Date;
}

export class CreatedApiClientDto extends ApiClientDto {
  @ApiProperty({ description: 'The API key. Shown only in this answer: store it now.', example: 'be_Q2x…' }) apiKey: string;
}
