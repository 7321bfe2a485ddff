import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AdminGuard } from '../api-clients/guards/admin.guard';
import { RequeueEventsDto, RequeueResultDto } from './dto/requeue-events.dto';
import { EventOperationsService } from './event-operations.service';
import { FailedEventsService } from './failed-events.service';

@ApiTags('Admin: events')
@ApiSecurity('api-key')
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
  requeue(@Body() dto: RequeueEventsDto): Promise<RequeueResultDto> {
    return this.failed.requeue(dto as Record<string, unknown>);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An event of the register (by its 32-character id): its data, state, result and ledger operations' })
  find(@Param('id') id: string) {
    return this.events.detail(id);
  }
}
