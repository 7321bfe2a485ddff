import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags,
  ApiUnauthorizedResponse, getSchemaPath,
} from '@nestjs/swagger';
import { AuthenticatedClient } from '../../modules/api-clients/authenticated-client';
import { CrmApiKeyGuard } from '../../modules/api-clients/guards/crm-api-key.guard';
import { CurrentClient } from '../../modules/api-clients/guards/current-client.decorator';
import { CRM_PURCHASES_SCOPE } from '../../modules/api-clients/domain/client-scopes';
import { SINGLE_PURCHASE_EXAMPLE } from './crm-examples';
import { CrmPurchaseService } from './crm-purchase.service';
import { RequiresScope } from './crm-scope.guard';
import { SINGLE_PURCHASE_SCHEMA } from './crm-schemas';

const CRM_ERROR = { $ref: getSchemaPath('CrmApiError') };

@ApiTags('CRM API')
@ApiSecurity('crm-api-key')
@UseGuards(CrmApiKeyGuard)
@Controller('crm')
export class CrmPurchaseController {
  constructor(private readonly purchases: CrmPurchaseService) {}

  @Post('customer_events/purchases')
  @HttpCode(200)
  @RequiresScope(CRM_PURCHASES_SCOPE)
  @ApiOperation({
    summary: 'Create a posted purchase customer event, with an optional spend request',
    description:
      'Seed 003. The customer is `contact_id` or `cim` (an access token authentication code). `reference_number` is unique ' +
      'per client: a retry answers the first event\'s id and changes nothing. `spend_request` is spent with the event in ' +
      'one transaction (`amount` in currency at POINT_VALUE per point, or `alternative_amount` in points): an insufficient ' +
      'balance stores neither. Errors answer in the CRM envelope.',
  })
  @ApiHeader({ name: 'api_key', description: 'The client\'s API key itself (not a token of POST /crm/login)', example: SINGLE_PURCHASE_EXAMPLE.headers.api_key })
  @ApiBody({ schema: SINGLE_PURCHASE_SCHEMA, examples: { seed: { summary: `Request of seed ${SINGLE_PURCHASE_EXAMPLE.seed}`, value: SINGLE_PURCHASE_EXAMPLE.request } } })
  @ApiOkResponse({
    description: 'The purchase event id',
    content: {
      'application/json': {
        schema: { type: 'object', properties: { id: { type: 'string' } } },
        examples: { seed: { summary: `Response of seed ${SINGLE_PURCHASE_EXAMPLE.seed}`, value: SINGLE_PURCHASE_EXAMPLE.response } },
      },
    },
  })
  @ApiBadRequestResponse({ description: 'MandatoryParameterMissingException, MoreThanOneIdentifierException, InvalidValueException', schema: CRM_ERROR })
  @ApiNotFoundResponse({ description: 'NotFoundAPIValueException: unknown contact, access token, merchant, outlet, product, currency or classification', schema: CRM_ERROR })
  @ApiConflictResponse({ description: 'InsufficientBalanceException: nothing was stored', schema: CRM_ERROR })
  @ApiUnauthorizedResponse({ description: 'InvalidTokenException', schema: CRM_ERROR })
  create(@Body() body: unknown, @CurrentClient() client: AuthenticatedClient): Promise<{ id: string }> {
    return this.purchases.create(body, client);
  }
}
