import { WebhookMessage } from './event-types';

/**
 * The data items of every event type, built from plain facts the reporting module already holds.
 * Points are decimal strings with 2 decimals; times are ISO-8601 UTC.
 */

export interface CommandFinishedFacts {
  commandId: string;
  typeOfCommand: string;
  clientId: string;
  /** Final items by state, e.g. {processed: 998, rejected: 2, failed: 0}. */
  counts: Record<string, number>;
  finishedAt: Date;
}

export function commandFinished(f: CommandFinishedFacts): WebhookMessage {
  const counts = { processed: 0, rejected: 0, failed: 0, cancelled: 0, ...f.counts };
  return {
    type: 'command.finished', clientId: f.clientId,
    data: { commandId: f.commandId, typeOfCommand: f.typeOfCommand, counts, total: Object.values(counts).reduce((a, b) => a + b, 0), finishedAt: f.finishedAt.toISOString() },
  };
}

export interface OperationFacts {
  operationId: string;
  ruleId: string | null;
  points: string;
  expiresAt?: Date | null;
}

export interface CustomerEventFacts {
  /** The register's id of the event. */
  id: string;
  /** The client's eventId (Command API) or request_unique_identifier (CRM API). */
  eventId: string | null;
  commandId: string | null;
  clientId: string;
  customerGuid: string | null;
  state: 'processed' | 'rejected' | 'failed';
  points: string;
  error: string | null;
  operations: OperationFacts[];
}

export function customerEventFinished(f: CustomerEventFacts): WebhookMessage {
  return {
    type: `customer_event.${f.state}`, clientId: f.clientId,
    data: {
      id: f.id, eventId: f.eventId, commandId: f.commandId, customerGuid: f.customerGuid, state: f.state, points: f.points, error: f.error,
      operations: f.operations.map(operationItem),
    },
  };
}

export interface AccrualFacts {
  customerGuid: string | null;
  /** The register event that earned the points, and the client's own id for it. */
  eventId: string | null;
  externalEventId: string | null;
  points: string;
  operations: OperationFacts[];
}

/** Customer-level: goes to subscriptions without a clientId. */
export function pointsAccrued(f: AccrualFacts): WebhookMessage {
  return {
    type: 'points.accrued', clientId: null,
    data: { customerGuid: f.customerGuid, eventId: f.eventId, externalEventId: f.externalEventId, points: f.points, operations: f.operations.map(operationItem) },
  };
}

export interface SpendFacts {
  customerGuid: string | null;
  operationId: string;
  points: string;
  eventId: string | null;
  comment: string | null;
}

export function pointsSpent(f: SpendFacts): WebhookMessage {
  return { type: 'points.spent', clientId: null, data: { customerGuid: f.customerGuid, operationId: f.operationId, points: f.points, eventId: f.eventId, comment: f.comment } };
}

export interface LotFacts {
  operationId: string;
  points: string;
  expiresAt: Date;
}

export interface ExpiringFacts {
  customerGuid: string | null;
  /** The notice threshold these lots crossed. */
  days: number;
  lots: LotFacts[];
}

export function pointsExpiring(f: ExpiringFacts): WebhookMessage {
  const first = f.lots.reduce((a, b) => (a.expiresAt <= b.expiresAt ? a : b));
  return {
    type: 'points.expiring', clientId: null,
    data: {
      customerGuid: f.customerGuid, thresholdDays: f.days, points: sumPoints(f.lots.map((l) => l.points)), expiresAt: first.expiresAt.toISOString(),
      lots: f.lots.map((l) => ({ operationId: l.operationId, points: l.points, expiresAt: l.expiresAt.toISOString() })),
    },
  };
}

export interface ExpiredFacts {
  customerGuid: string | null;
  /** Expiry lines: the line's id is unknown before the insert, so each names the lot it expired. */
  lots: Array<{ lotId: string; points: string }>;
  expiredAt: Date;
}

export function pointsExpired(f: ExpiredFacts): WebhookMessage {
  return {
    type: 'points.expired', clientId: null,
    data: { customerGuid: f.customerGuid, points: sumPoints(f.lots.map((l) => l.points)), expiredAt: f.expiredAt.toISOString(), lots: f.lots },
  };
}

/** Who or what changed a status: an accrual, the customer opening the bonus window, or a client's command. */
export type StatusCause =
  | { type: 'accrual' }
  | { type: 'bonus_window' }
  | { type: 'command'; typeOfCommand: string; clientId: string | null };

export interface StatusChangeFacts {
  customerId: string;
  customerGuid: string | null;
  uniqId: string | null;
  from: string;
  to: string;
  cause: StatusCause;
}

export function customerStatusChanged(f: StatusChangeFacts): WebhookMessage {
  return {
    type: 'customer.status_changed', clientId: null,
    data: { customerId: f.customerId, customerGuid: f.customerGuid, uniqId: f.uniqId, from: f.from, to: f.to, cause: f.cause },
  };
}

function operationItem(o: OperationFacts): Record<string, unknown> {
  return { operationId: o.operationId, ruleId: o.ruleId, points: o.points, ...(o.expiresAt !== undefined ? { expiresAt: o.expiresAt?.toISOString() ?? null } : {}) };
}

/** Exact sum of 2-decimal point strings, in integer hundredths. */
export function sumPoints(points: string[]): string {
  const cents = points.reduce((sum, p) => sum + toCents(p), 0n);
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

function toCents(points: string): bigint {
  const negative = points.trim().startsWith('-');
  const [whole, fraction = ''] = points.trim().replace(/^[-+]/, '').split('.');
  const cents = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -cents : cents;
}
