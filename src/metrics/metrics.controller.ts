import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { EngineMetrics } from './engine-metrics';
import { MetricsGuard } from './metrics.guard';

@ApiTags('Operations')
@ApiSecurity('api-key')
@ApiBearerAuth('metrics-token')
@UseGuards(MetricsGuard)
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: EngineMetrics) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics of this process (admin API key or METRICS_TOKEN bearer)' })
  async scrape(@Res() response: Response): Promise<void> {
    const text = await this.metrics.registry.metrics();
    response.setHeader('Content-Type', this.metrics.registry.contentType);
    response.end(text);
  }
}
