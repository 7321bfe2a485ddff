import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiClientsService } from '../../modules/api-clients';
import { crmOk } from './crm-envelope';
import { CrmFailures } from './crm-failures';
import { crmRef } from './wire/crm-components';

@ApiTags('CRM API')
@Controller('crm')
export class CrmLoginController {
  constructor(private readonly clients: ApiClientsService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange an API key for a token (lifetime TOKEN_TTL_SECONDS)', security: [] })
  @ApiBody({ schema: crmRef('CrmLoginRequest') })
  @ApiOkResponse({ description: 'The token and when it expires', content: { 'application/json': { schema: crmRef('CrmLoginAnswer') } } })
  @CrmFailures({ 400: 'InvalidValueException: the body is not a JSON object', 401: 'InvalidTokenException: no, an unknown or a revoked API key, or an admin key' })
  async login(@Body() body: { api_key?: unknown }) {
    const { token, expiresAt } = await this.clients.issueToken(typeof body?.api_key === 'string' ? body.api_key : undefined);
    return crmOk({ token, expiration_date: expiresAt.toISOString() });
  }
}
