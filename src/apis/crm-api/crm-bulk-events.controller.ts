import { applyDecorators, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AuthenticatedClient, crmBulkScope, CrmTokenGuard, CurrentClient } from '../../modules/api-clients';
import { CrmBulkEventsService } from './crm-bulk-events.service';
import { RequiresScope } from './crm-scope.guard';
import { BULK_EXAMPLES } from './crm-examples';
import { CrmFailures } from './crm-failures';
import { bulkRequestComponent, crmRef } from './wire/crm-components';
import { BULK_EVENT_TYPES, BulkEventPath, MAX_BULK_ITEMS } from './domain/bulk-event-types';

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
    ApiBody({ schema: crmRef(bulkRequestComponent(path)), examples: { seed: { summary: `Request of ${source}`, value: example.request } } }),
    ApiOkResponse({ description: 'Processed and unprocessed events', content: { 'application/json': { schema: crmRef('CrmBulkAnswer'), examples: { seed: { summary: `Response of ${source}`, value: example.response } } } } }),
    CrmFailures({
      400: `More than ${MAX_BULK_ITEMS} events (MaximumItemsExceededException), a missing or malformed set or fields_set (MandatoryParameterMissingException, InvalidValueException)`,
      401: 'InvalidTokenException: no token, or an unknown or expired one',
    }),
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
