import { getQueueToken } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { ENGINE_QUEUES } from '../common/queue/queues';
import { EngineMetrics } from './engine-metrics';

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Gauges read when Prometheus scrapes: Bull queue depths and the events still pending. */
@Injectable()
export class ScrapeTimeGauges implements OnModuleInit {
  constructor(
    private readonly metrics: EngineMetrics,
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const queues = ENGINE_QUEUES.map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    this.metrics.gauge('bonus_queue_jobs', 'Bull jobs by queue and state', ['queue', 'state'], async (gauge) => {
      for (const queue of queues) {
        const counts = await queue.getJobCounts();
        for (const state of QUEUE_STATES) gauge.set({ queue: queue.name, state }, counts[state]);
      }
    });
    // Counted through ix_customer_events_pending: reads the pending rows' index entries only, however large the register.
    this.metrics.gauge('bonus_events_pending', 'Customer events accepted and not yet processed', [], async (gauge) => {
      const [row] = await this.dataSource.query("SELECT COUNT(*) AS pending FROM customer_events WHERE state = 'pending'");
      gauge.set(Number(row.pending));
    });
  }
}
