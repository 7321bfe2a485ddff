import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { ENGINE_QUEUES } from '../common/queue/queues';
import { EngineMetrics } from './engine-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsGuard } from './metrics.guard';
import { ScrapeTimeGauges } from './scrape-time-gauges';

/** Prometheus metrics of this process at GET /metrics; every module records through EngineMetrics. */
@Global()
@Module({
  imports: [BullModule.registerQueue(...ENGINE_QUEUES.map((name) => ({ name })))],
  controllers: [MetricsController],
  providers: [EngineMetrics, ScrapeTimeGauges, MetricsGuard],
  exports: [EngineMetrics],
})
export class MetricsModule {}
