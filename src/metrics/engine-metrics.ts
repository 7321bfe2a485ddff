import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { EVENT_STATES, EventState } from '../modules/customer-events/entities/customer-event.entity';

/** Lag buckets, in seconds: 10 ms to 10 min. */
export const EVENT_LAG_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const FINISHED_STATES = EVENT_STATES.filter((s) => s !== 'pending');
/** The ledger's flows, shown at zero from the start so dashboards have every series. */
const LEDGER_FLOWS = [['accrual', 'credit'], ['spend', 'debit'], ['expiry', 'debit'], ['reversal', 'debit'], ['adjustment', 'credit'], ['adjustment', 'debit']];

export interface FinishedEvent {
  state: EventState;
  /** When the event was accepted, on this process's clock (ms); absent when unknown. */
  acceptedAt?: number;
}

export interface WrittenOperation {
  type: string;
  /** Signed hundredths of a point. */
  points: bigint;
  ruleId: string | null;
}

/**
 * Every metric of the engine, on a registry of its own (one per application, so two apps in one
 * process do not clash). Amounts are exact decimals everywhere else; here they become floats.
 */
@Injectable()
export class EngineMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total', help: 'HTTP requests by route template, method and status',
    labelNames: ['method', 'route', 'status'], registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request duration by route template, method and status',
    labelNames: ['method', 'route', 'status'], buckets: HTTP_BUCKETS, registers: [this.registry],
  });
  private readonly accepted = new Counter({
    name: 'bonus_events_accepted_total', help: 'Customer events stored as accepted, by source (command/crm) and type',
    labelNames: ['source', 'type'], registers: [this.registry],
  });
  private readonly finished = new Counter({
    name: 'bonus_events_finished_total', help: 'Customer events that left pending, by final state',
    labelNames: ['state'], registers: [this.registry],
  });
  private readonly lag = new Histogram({
    name: 'bonus_event_lag_seconds', help: 'Time from acceptance to the outcome (processed or rejected) of a customer event',
    buckets: EVENT_LAG_BUCKETS, registers: [this.registry],
  });
  private readonly points = new Counter({
    name: 'bonus_points_total', help: 'Points written to the ledger, by operation (accrual, spend, expiry, reversal, adjustment) and direction',
    labelNames: ['operation', 'direction'], registers: [this.registry],
  });
  private readonly ruleAwards = new Counter({
    name: 'bonus_rule_awards_total', help: 'Accruals awarded by each reward rule', labelNames: ['rule_id'], registers: [this.registry],
  });
  private readonly rulePoints = new Counter({
    name: 'bonus_rule_points_total', help: 'Points accrued by each reward rule', labelNames: ['rule_id'], registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    for (const state of FINISHED_STATES) this.finished.inc({ state }, 0);
    for (const [operation, direction] of LEDGER_FLOWS) this.points.inc({ operation, direction }, 0);
  }

  /** A gauge whose value is read at scrape time. */
  gauge(name: string, help: string, labelNames: string[], collect: (gauge: Gauge) => Promise<void>): void {
    new Gauge({ name, help, labelNames, registers: [this.registry], async collect() { await collect(this); } });
  }

  eventsAccepted(events: Array<{ source: string; type: string }>): void {
    for (const { source, type } of events) this.accepted.inc({ source, type });
  }

  eventsFinished(events: FinishedEvent[], now = Date.now()): void {
    for (const { state, acceptedAt } of events) {
      this.finished.inc({ state });
      if (acceptedAt !== undefined) this.lag.observe(Math.max(0, now - acceptedAt) / 1000);
    }
  }

  ledgerWritten(operations: WrittenOperation[]): void {
    for (const { type, points, ruleId } of operations) {
      const amount = Number(points < 0n ? -points : points) / 100; // a gauge reading, not stored points
      this.points.inc({ operation: type, direction: points < 0n ? 'debit' : 'credit' }, amount);
      if (ruleId && type === 'accrual') {
        this.ruleAwards.inc({ rule_id: ruleId });
        this.rulePoints.inc({ rule_id: ruleId }, amount);
      }
    }
  }
}
