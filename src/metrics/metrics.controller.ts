import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ApiRestErrors } from '../common/http/rest-error-responses';
import { EngineMetrics } from './engine-metrics';
import { MetricsGuard } from './metrics.guard';

const METRICS_EXAMPLE = '# HELP bonus_events_finished_total Customer events that left pending, by final state\n' +
  '# TYPE bonus_events_finished_total counter\nbonus_events_finished_total{state="processed"} 42\n';

@ApiTags('Operations')
@ApiSecurity('api-key')
@ApiBearerAuth('metrics-token')
@UseGuards(MetricsGuard)
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: EngineMetrics) {}

  @Get()
  @ApiOperation({ operationId: 'scrapeMetrics', summary: 'Prometheus metrics of this process (admin API key or METRICS_TOKEN bearer)' })
  @ApiOkResponse({
    description: 'The Prometheus text exposition format (`text/plain; version=0.0.4`)',
    content: { 'text/plain': { schema: { type: 'string' }, example: METRICS_EXAMPLE } },
  })
  @ApiRestErrors({ 400: '', 401: 'Metrics need an admin API key or the metrics bearer token' })
  async scrape(@Res() response: Response): Promise<void> {
    const text = await this.metrics.registry.metrics();
    response.setHeader('Content-Type', this.metrics.registry.contentType);
    response.end(text);
  }
}
