import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiClientsService } from './api-clients.service';
import { ApiClientDto, CreatedApiClientDto, CreateApiClientDto, SetRateLimitDto, UpdateApiClientDto } from './dto/create-api-client.dto';
import { AdminGuard } from './guards/admin.guard';

@ApiTags('Admin: API clients')
@ApiSecurity('api-key')
@UseGuards(AdminGuard)
@Controller('admin/clients')
export class AdminClientsController {
  constructor(private readonly clients: ApiClientsService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API client; its key is shown only in this answer' })
  @ApiCreatedResponse({ type: CreatedApiClientDto })
  create(@Body() dto: CreateApiClientDto): Promise<CreatedApiClientDto> {
    return this.clients.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List active API clients (keys are never shown again)' })
  list(): Promise<ApiClientDto[]> {
    return this.clients.list();
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the scopes of an API client (what it may call); takes effect on its next call' })
  update(@Param('id') id: string, @Body() dto: UpdateApiClientDto): Promise<ApiClientDto> {
    return this.clients.update(id, dto);
  }

  @Put(':id/rate-limit')
  @ApiOperation({ summary: "Set a client's own request limit per window (null: the default RATE_LIMIT, 0: unlimited)" })
  setRateLimit(@Param('id') id: string, @Body() dto: SetRateLimitDto): Promise<ApiClientDto> {
    return this.clients.setRateLimit(id, dto.rateLimit);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate an API client and revoke its tokens' })
  remove(@Param('id') id: string): Promise<void> {
    return this.clients.remove(id);
  }
}
