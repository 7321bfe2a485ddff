import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse, ApiBadRequestResponse, ApiCreatedResponse, ApiExtraModels, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse,
  ApiOperation, ApiSecurity, ApiTags, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AdminGuard } from '../api-clients';
import { DeliveriesService } from './deliveries.service';
import { WEBHOOK_DOCS } from './webhook-docs';
import { CreatedWebhookDto, CreateWebhookDto, DeliveriesQueryDto, DeliveryDto, DeliveryPageDto, UpdateWebhookDto, WebhookDto } from './dto/webhook.dto';
import { SubscriptionsService } from './subscriptions.service';

const ADMIN_ERROR = { $ref: '#/components/schemas/AdminApiError' };

@ApiTags('Admin: webhooks')
@ApiSecurity('api-key')
@ApiExtraModels(DeliveryDto)
@ApiBadRequestResponse({ description: 'Invalid body or query (e.g. `url must use http or https`)', schema: ADMIN_ERROR })
@ApiUnauthorizedResponse({ description: 'Missing or invalid API key', schema: ADMIN_ERROR })
@ApiForbiddenResponse({ description: 'Not an admin key', schema: ADMIN_ERROR })
@ApiNotFoundResponse({ description: 'No such subscription or delivery', schema: ADMIN_ERROR })
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
  get(@Param('id') id: string): Promise<WebhookDto> {
    return this.subscriptions.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the URL, events, client, secret or active flag of a subscription' })
  @ApiOkResponse({ type: WebhookDto })
  update(@Param('id') id: string, @Body() dto: UpdateWebhookDto): Promise<WebhookDto> {
    return this.subscriptions.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription and its delivery log' })
  remove(@Param('id') id: string): Promise<void> {
    return this.subscriptions.remove(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Delivery log of a subscription, newest first: state, attempts, last status code and error' })
  @ApiOkResponse({ type: DeliveryPageDto })
  listDeliveries(@Param('id') id: string, @Query() query: DeliveriesQueryDto): Promise<DeliveryPageDto> {
    return this.deliveries.list(id, query);
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again (same delivery id), e.g. a dead one once the receiver is fixed' })
  @ApiAcceptedResponse({ type: DeliveryDto })
  replay(@Param('id') id: string, @Param('deliveryId') deliveryId: string): Promise<DeliveryDto> {
    return this.deliveries.replay(id, deliveryId);
  }
}
