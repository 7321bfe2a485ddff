import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROUTE_ERRORS, ApiRestErrors } from '../../common/http/rest-error-responses';
import { AdminGuard } from '../api-clients';
import { DeliveriesService } from './deliveries.service';
import { WEBHOOK_DOCS } from './webhook-docs';
import { CreatedWebhookDto, CreateWebhookDto, DeliveriesQueryDto, DeliveryDto, DeliveryPageDto, UpdateWebhookDto, WebhookDto } from './dto/webhook.dto';
import { SubscriptionsService } from './subscriptions.service';

const NOT_FOUND = 'Webhook subscription 7 not found';
const BAD_URL = 'url must use http or https';

@ApiTags('Admin: webhooks')
@ApiSecurity('api-key')
@ApiExtraModels(DeliveryDto)
@ApiRestErrors(ADMIN_ROUTE_ERRORS)
@UseGuards(AdminGuard)
@Controller('admin/webhooks')
export class AdminWebhooksController {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Subscribe a URL to webhook events; the signing secret is shown only in this answer', description: WEBHOOK_DOCS })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiRestErrors({ 400: BAD_URL, 413: '' })
  create(@Body() dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    return this.subscriptions.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List webhook subscriptions (secrets are never shown again)' })
  @ApiOkResponse({ type: [WebhookDto] })
  list(): Promise<WebhookDto[]> {
    return this.subscriptions.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook subscription' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiRestErrors({ 404: NOT_FOUND })
  get(@Param('id') id: string): Promise<WebhookDto> {
    return this.subscriptions.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the URL, events, client, secret or active flag of a subscription' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiRestErrors({ 400: BAD_URL, 404: NOT_FOUND, 413: '' })
  update(@Param('id') id: string, @Body() dto: UpdateWebhookDto): Promise<WebhookDto> {
    return this.subscriptions.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription and its delivery log' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiRestErrors({ 404: NOT_FOUND })
  remove(@Param('id') id: string): Promise<void> {
    return this.subscriptions.remove(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Delivery log of a subscription, newest first: state, attempts, last status code and error' })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiRestErrors({ 400: 'cursor must be a nextCursor', 404: NOT_FOUND })
  listDeliveries(@Param('id') id: string, @Query() query: DeliveriesQueryDto): Promise<DeliveryPageDto> {
    return this.deliveries.list(id, query);
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again (same delivery id), e.g. a dead one once the receiver is fixed' })
  @ApiAcceptedResponse({ type: DeliveryDto })
  @ApiRestErrors({ 404: 'Delivery 5b1d7c0e-3f0a-4c52-9d57-0d7e1f1c2a90 not found' })
  replay(@Param('id') id: string, @Param('deliveryId') deliveryId: string): Promise<DeliveryDto> {
    return this.deliveries.replay(id, deliveryId);
  }
}
