import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiClientsService } from '../../modules/api-clients';
import { crmOk } from './crm-envelope';

@ApiTags('CRM API')
@Controller('crm')
export class CrmLoginController {
  constructor(private readonly clients: ApiClientsService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange an API key for a token (lifetime TOKEN_TTL_SECONDS)' })
  @ApiBody({ schema: { type: 'object', properties: { api_key: { type: 'string' } }, example: { api_key: 'be_…' } } })
  async login(@Body() body: { api_key?: unknown }) {
    const { token, expiresAt } = await this.clients.issueToken(typeof body?.api_key === 'string' ? body.api_key : undefined);
    return crmOk({ token, expiration_date: expiresAt.toISOString() });
  }
}
