import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ADMIN_ROUTE_ERRORS, ApiRestErrors } from '../../common/http/rest-error-responses';
import { AdminGuard } from '../api-clients';
import { EventDetailDto } from './dto/event-detail.dto';
import { RequeueEventsDto, RequeueResultDto } from './dto/requeue-events.dto';
import { EventOperationsService } from './event-operations.service';
import { FailedEventsService } from './failed-events.service';

@ApiTags('Admin: events')
@ApiSecurity('api-key')
@ApiRestErrors(ADMIN_ROUTE_ERRORS)
@UseGuards(AdminGuard)
@Controller('admin/events')
export class AdminEventsController {
  constructor(
    private readonly events: EventOperationsService,
    private readonly failed: FailedEventsService,
  ) {}

  @Post('requeue')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'requeueEvents',
    summary: 'Send failed events back to processing: by id, or every event that failed in a period',
    description: 'Each failed event becomes pending again and is processed as if just received; events in another state are left alone.',
  })
  @ApiBody({
    type: RequeueEventsDto,
    examples: {
      'By id': { value: { ids: ['7A0F5E1C2B3D4E5F60718293A4B5C6D7'] } },
      'Failed in a period': { value: { state: 'failed', from: '2026-12-01T10:00:00Z', to: '2026-12-01T11:00:00Z' } },
    },
  })
  @ApiOkResponse({ type: RequeueResultDto })
  @ApiRestErrors({ 400: 'from must be an ISO-8601 date-time; to must be an ISO-8601 date-time', 413: '' })
  requeue(@Body() dto: RequeueEventsDto): Promise<RequeueResultDto> {
    return this.failed.requeue(dto as Record<string, unknown>);
  }

  @Get(':id')
  @ApiOperation({
    operationId: 'getEvent',
    summary: 'An event of the register (by its 32-character id): its data, state, result and ledger operations',
  })
  @ApiParam({ name: 'id', description: 'The event id (32 hexadecimal characters)', example: '45FBB6E86583A85E2786B12CBAB688C5' })
  @ApiOkResponse({ type: EventDetailDto })
  @ApiRestErrors({ 404: 'Event 0123456789ABCDEF0123456789ABCDEF not found' })
  find(@Param('id') id: string): Promise<EventDetailDto> {
    return this.events.detail(id);
  }
}
