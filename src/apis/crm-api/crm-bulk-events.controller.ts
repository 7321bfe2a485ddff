import { applyDecorators, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags, ApiUnauthorizedResponse, getSchemaPath } from '@nestjs/swagger';
import { AuthenticatedClient } from '../../modules/api-clients/authenticated-client';
import { CrmTokenGuard } from '../../modules/api-clients/guards/crm-token.guard';
import { CurrentClient } from '../../modules/api-clients/guards/current-client.decorator';
import { crmBulkScope } from '../../modules/api-clients/domain/client-scopes';
import { CrmBulkEventsService } from './crm-bulk-events.service';
import { RequiresScope } from './crm-scope.guard';
import { BULK_EXAMPLES } from './crm-examples';
import { BULK_RESPONSE_SCHEMA, bulkRequestSchema } from './crm-schemas';
import { BULK_EVENT_TYPES, BulkEventPath, MAX_BULK_ITEMS } from './domain/bulk-event-types';

const CRM_ERROR = { $ref: getSchemaPath('CrmApiError') };

function BulkEndpoint(path: BulkEventPath) {
  const type = BULK_EVENT_TYPES[path];
  const example = BULK_EXAMPLES[path];
  const source = example.seed ? `seed ${example.seed}` : 'an example of ours (the seeds have none)';
  return applyDecorators(
    Post(`customer_events/bulk/${path}/create`),
    HttpCode(200),
    RequiresScope(crmBulkScope(path)),
    ApiOperation({
      summary: `Create up to ${MAX_BULK_ITEMS} ${type.label} customer events`,
      description:
        `Each item of \`${type.setName}\` is stored at once as a posted customer event (answered in ` +
        '`processed_customer_events_set` with its `id` and `number`) or reported in `unprocessed_customer_events_set` ' +
        'with its error code and description. Rewards follow in the background. Unknown references are ' +
        'NotFoundAPIValueException: the CRM API never registers directory values.',
    }),
    ApiBody({ schema: bulkRequestSchema(path), examples: { seed: { summary: `Request of ${source}`, value: example.request } } }),
    ApiOkResponse({ description: 'Processed and unprocessed events', content: { 'application/json': { schema: BULK_RESPONSE_SCHEMA, examples: { seed: { summary: `Response of ${source}`, value: example.response } } } } }),
    ApiBadRequestResponse({ description: `More than ${MAX_BULK_ITEMS} events (MaximumItemsExceededException), a missing or malformed set`, schema: CRM_ERROR }),
    ApiUnauthorizedResponse({ description: 'InvalidTokenException', schema: CRM_ERROR }),
  );
}

@ApiTags('CRM API')
@ApiSecurity('crm-token')
@ApiSecurity('crm-api-key')
@UseGuards(CrmTokenGuard)
@Controller('crm')
export class CrmBulkEventsController {
  constructor(private readonly bulk: CrmBulkEventsService) {}

  @BulkEndpoint('achievements')
  achievements(@Body() body: unknown, @CurrentClient() client: AuthenticatedClient) {
    return this.bulk.create(BULK_EVENT_TYPES.achievements, body, client);
  }

  @BulkEndpoint('purchases')
  purchases(@Body() body: unknown, @CurrentClient() client: AuthenticatedClient) {
    return this.bulk.create(BULK_EVENT_TYPES.purchases, body, client);
  }

  @BulkEndpoint('referrals')
  referrals(@Body() body: unknown, @CurrentClient() client: AuthenticatedClient) {
    return this.bulk.create(BULK_EVENT_TYPES.referrals, body, client);
  }

  @BulkEndpoint('social_media')
  socialMedia(@Body() body: unknown, @CurrentClient() client: AuthenticatedClient) {
    return this.bulk.create(BULK_EVENT_TYPES.social_media, body, client);
  }

  @BulkEndpoint('web')
  web(@Body() body: unknown, @CurrentClient() client: AuthenticatedClient) {
    return this.bulk.create(BULK_EVENT_TYPES.web, body, client);
  }

  @BulkEndpoint('financial_achievements')
  financialAchievements(@Body() body: unknown, @CurrentClient() client: AuthenticatedClient) {
    return this.bulk.create(BULK_EVENT_TYPES.financial_achievements, body, client);
  }

  @BulkEndpoint('financial_statements')
  financialStatements(@Body() body: unknown, @CurrentClient() client: AuthenticatedClient) {
    return this.bulk.create(BULK_EVENT_TYPES.financial_statements, body, client);
  }
}
