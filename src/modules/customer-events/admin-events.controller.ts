import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AdminGuard } from '../api-clients';
import { EventOperationsService } from './event-operations.service';

@ApiTags('Admin: events')
@ApiSecurity('api-key')
@UseGuards(AdminGuard)
@Controller('admin/events')
export class AdminEventsController {
  constructor(private readonly events: EventOperationsService) {}

  @Get(':id')
  @ApiOperation({ summary: 'An event of the register (by its 32-character id): its data, state, result and ledger operations' })
  find(@Param('id') id: string) {
    return this.events.detail(id);
  }
}
