import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROUTE_ERRORS, ApiRestErrors } from '../../common/http/rest-error-responses';
import { ApiClientsService } from './api-clients.service';
import { ApiClientDto, CreatedApiClientDto, CreateApiClientDto, SetRateLimitDto, UpdateApiClientDto } from './dto/create-api-client.dto';
import { AdminGuard } from './guards/admin.guard';

const UNKNOWN_SCOPE = 'Unknown scopes: command:getBalance. Scopes are command:<typeOfCommand>, crm:purchases, crm:bulk:<type>, command:* and crm:*';

@ApiTags('Admin: API clients')
@ApiSecurity('api-key')
@ApiRestErrors(ADMIN_ROUTE_ERRORS)
@UseGuards(AdminGuard)
@Controller('admin/clients')
export class AdminClientsController {
  constructor(private readonly clients: ApiClientsService) {}

  @Post()
  @ApiOperation({ operationId: 'createApiClient', summary: 'Create an API client; its key is shown only in this answer' })
  @ApiCreatedResponse({ type: CreatedApiClientDto, description: 'The client with its `apiKey`, which is never shown again' })
  @ApiRestErrors({ 400: 'role must be one of the following values: integrator, admin', 413: '' })
  create(@Body() dto: CreateApiClientDto): Promise<CreatedApiClientDto> {
    return this.clients.create(dto);
  }

  @Get()
  @ApiOperation({ operationId: 'listApiClients', summary: 'List active API clients (keys are never shown again)' })
  @ApiOkResponse({ type: [ApiClientDto] })
  list(): Promise<ApiClientDto[]> {
    return this.clients.list();
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateApiClientScopes', summary: 'Change the scopes of an API client (what it may call); takes effect on its next call' })
  @ApiOkResponse({ type: ApiClientDto })
  @ApiRestErrors({ 400: UNKNOWN_SCOPE, 404: 'API client 7 not found', 413: '' })
  update(@Param('id') id: string, @Body() dto: UpdateApiClientDto): Promise<ApiClientDto> {
    return this.clients.update(id, dto);
  }

  @Put(':id/rate-limit')
  @ApiOperation({ operationId: 'setApiClientRateLimit', summary: "Set a client's own request limit per window (null: the default RATE_LIMIT, 0: unlimited)" })
  @ApiOkResponse({ type: ApiClientDto })
  @ApiRestErrors({ 400: 'rateLimit must not be less than 0', 404: 'API client 7 not found', 413: '' })
  setRateLimit(@Param('id') id: string, @Body() dto: SetRateLimitDto): Promise<ApiClientDto> {
    return this.clients.setRateLimit(id, dto.rateLimit);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deactivateApiClient', summary: 'Deactivate an API client and revoke its tokens' })
  @ApiNoContentResponse({ description: 'Deactivated' })
  @ApiRestErrors({ 404: 'API client 7 not found' })
  remove(@Param('id') id: string): Promise<void> {
    return this.clients.remove(id);
  }
}
