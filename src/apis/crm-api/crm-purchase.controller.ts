import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AuthenticatedClient, CRM_PURCHASES_SCOPE, CrmApiKeyGuard, CurrentClient } from '../../modules/api-clients';
import { SINGLE_PURCHASE_EXAMPLE } from './crm-examples';
import { CrmPurchaseService } from './crm-purchase.service';
import { RequiresScope } from './crm-scope.guard';
import { CrmFailures } from './crm-failures';
import { crmRef } from './wire/crm-components';

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
  @ApiBody({ schema: crmRef('CrmPurchaseRequest'), examples: { seed: { summary: `Request of seed ${SINGLE_PURCHASE_EXAMPLE.seed}`, value: SINGLE_PURCHASE_EXAMPLE.request } } })
  @ApiOkResponse({
    description: 'The purchase event id',
    content: {
      'application/json': {
        schema: crmRef('CrmPurchaseAnswer'),
        examples: { seed: { summary: `Response of seed ${SINGLE_PURCHASE_EXAMPLE.seed}`, value: SINGLE_PURCHASE_EXAMPLE.response } },
      },
    },
  })
  @CrmFailures({
    400: 'MandatoryParameterMissingException, MoreThanOneIdentifierException, InvalidValueException',
    401: 'InvalidTokenException: no or an unknown API key',
    404: 'NotFoundAPIValueException: unknown contact, access token, merchant, outlet, product, currency or classification',
    409: 'InsufficientBalanceException (nothing was stored), or the customer is blocked',
  })
  create(@Body() body: unknown, @CurrentClient() client: AuthenticatedClient): Promise<{ id: string }> {
    return this.purchases.create(body, client);
  }
}
