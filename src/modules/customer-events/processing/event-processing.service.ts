import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, isTransientDatabaseError } from '../../../common/errors';
import { afterCommit } from '../../../database/after-commit';
import { inTransaction } from '../../../database/transaction';
import { EngineMetrics } from '../../../metrics/engine-metrics';
import { BonusAccountsService, LedgerEntryRequest } from '../../bonus-accounts';
import { CustomersService } from '../../customers';
import { evaluateBatch, periodsOf, RewardsRulesService } from '../../rewards-rules';
import { CommandCompletionService } from '../command-completion.service';
import { EventWebhooks } from '../event-webhooks.service';
import { EventOutcome, outcomeUpdate } from './event-outcome';
import { PendingEvent, toPendingEvent } from './pending-event';

export const CUSTOMER_BLOCKED = 'Customer is blocked: no points accrued';
const ZERO = '0.00';

/**
 * Step 2 for a chunk of stored events: customers created or updated, rules evaluated in memory,
 * points written through the ledger — one transaction per chunk, set-based. The events are locked
 * and re-read as pending first, so a job retried or run twice changes nothing the second time.
 */
@Injectable()
export class EventProcessingService {
  private readonly logger = new Logger(EventProcessingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly accounts: BonusAccountsService,
    private readonly rules: RewardsRulesService,
    private readonly completion: CommandCompletionService,
    private readonly metrics: EngineMetrics,
    private readonly webhooks: EventWebhooks,
  ) {}

  /**
   * Processes the chunk. A transient database error (lost connection, saturated server, deadlock)
   * is thrown, so the job is retried and the events stay pending. Any other error fails the chunk,
   * which is processed again one event at a time: an event that fails alone, again, is marked
   * failed (an admin can requeue it), never retried forever.
   */
  async processChunk(eventIds: string[]): Promise<number> {
    try {
      return await this.processInTransaction(eventIds);
    } catch (error) {
      if (isTransientDatabaseError(error)) throw error;
      if (eventIds.length === 1) {
        await this.markFailed(eventIds[0], error);
        return 1;
      }
      this.logger.warn({ err: error, events: eventIds.length }, 'Chunk failed; processing its events one by one');
      let done = 0;
      for (const id of eventIds) done += await this.processChunk([id]);
      return done;
    }
  }

  private async processInTransaction(eventIds: string[]): Promise<number> {
    await inTransaction(this.dataSource, async (manager) => {
      const events = await this.lockPending(manager, eventIds);
      if (events.length === 0) return;
      await this.attachCustomers(manager, events);
      const outcomes = await this.accrue(manager, events);
      const { sql, params } = outcomeUpdate(outcomes);
      await manager.query(sql, params);
      await this.webhooks.chunkFinished(manager, events, outcomes);
      afterCommit(manager, () => this.metrics.eventsFinished(outcomes.map((o, i) => ({ state: o.state, acceptedAt: events[i].acceptedAt }))));
      await this.completion.finishIfDone(manager, [...new Set(events.map((e) => e.commandId).filter((c): c is string => !!c))]);
    }, 'READ COMMITTED');
    return eventIds.length;
  }

  private async lockPending(manager: EntityManager, eventIds: string[]): Promise<PendingEvent[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT number, id, client_id, source, command_id, customer_id, account_id, attributes, payload,
              TIMESTAMPDIFF(MICROSECOND, created_at, CURRENT_TIMESTAMP(3)) AS waited_us
         FROM customer_events FORCE INDEX (uq_customer_events_id) WHERE id IN (?) AND state = 'pending' ORDER BY number FOR UPDATE`,
      [eventIds],
    );
    return rows.map(toPendingEvent);
  }

  /** Command events name their customer by GUID: create or update customers (latest event's types win). */
  private async attachCustomers(manager: EntityManager, events: PendingEvent[]): Promise<void> {
    const byGuid = new Map<string, PendingEvent>();
    for (const event of events) {
      const guid = event.payload?.customerId;
      if (!event.accountId && typeof guid === 'string') byGuid.set(guid, event);
    }
    if (byGuid.size === 0) return;
    const upserted = await this.customers.upsertByGuid(
      manager,
      [...byGuid.entries()].map(([guid, e]) => ({
        guid,
        customerType1: e.facts.customerType1 ?? null, customerType2: e.facts.customerType2 ?? null,
        customerType3: e.facts.customerType3 ?? null, customerType4: e.facts.customerType4 ?? null,
        customerType5: e.facts.customerType5 ?? null,
      })),
    );
    for (const event of events) {
      const customer = !event.accountId ? upserted.get(event.payload?.customerId as string) : undefined;
      if (customer) {
        event.customerId = customer.customerId;
        event.accountId = customer.accountId;
      }
    }
  }

  private async accrue(manager: EntityManager, events: PendingEvent[]): Promise<EventOutcome[]> {
    const accountIds = new Set<string>();
    for (const e of events) {
      if (e.accountId) accountIds.add(e.accountId);
      if (e.facts.referral) accountIds.add(e.facts.referral.referrerAccountId).add(e.facts.referral.referredAccountId);
    }
    const locked = await this.accounts.lockAccounts(manager, [...accountIds]);
    const isBlocked = (accountId: string | null) => !accountId || locked.get(accountId)?.customerStatus === 'blocked';

    const rules = this.rules.activeRules();
    const periods = new Set<string>();
    for (const e of events) Object.values(periodsOf(e.facts.performedOn)).forEach((p) => periods.add(p));
    const usage = await this.rules.loadUsage(manager, rules.map((r) => r.id), [...accountIds], [...periods]);

    // Blocked recipients are left out by the evaluator, before any limit or budget is used; a refund
    // is reversed even on a blocked account, taking points back is no accrual.
    const isRefund = (e: PendingEvent) => e.facts.operationType === 'refund';
    const parties = (e: PendingEvent) => (e.facts.referral ? [e.facts.referral.referrerAccountId, e.facts.referral.referredAccountId] : [e.accountId]);
    const evaluated = events.filter((e) => e.accountId && (isRefund(e) || parties(e).some((id) => !isBlocked(id))));
    const { awards, usage: deltas } = evaluateBatch(
      evaluated.map((e) => ({ key: e.id, facts: e.facts, accountId: e.accountId as string, refund: isRefund(e) })),
      rules,
      usage,
      isBlocked,
    );

    // A refund reverses what the purchase earned; everything else accrues.
    const requests: LedgerEntryRequest[] = [];
    const requestEvent: PendingEvent[] = [];
    for (const event of evaluated) {
      const type = isRefund(event) ? 'reversal' : 'accrual';
      for (const award of awards.get(event.id) ?? []) {
        const role = award.role === 'self' ? '' : `:${award.role}`;
        requests.push({
          accountId: award.accountId, type, points: award.points, eventId: event.id, ruleId: award.ruleId,
          idempotencyKey: `${event.id}:${award.ruleId}:${type}${role}`,
          expiresAt: type === 'accrual' && award.expiresAt ? new Date(award.expiresAt) : null,
        });
        requestEvent.push(event);
      }
    }

    const results = await this.accounts.applyBatch(manager, requests);
    await this.rules.recordUsage(manager, deltas);

    const points = new Map<string, Decimal>();
    const shortfall = new Map<string, Decimal>();
    const activated = new Set<string>();
    results.forEach((result, i) => {
      const event = requestEvent[i];
      const sign = result.request.type === 'reversal' ? -1 : 1;
      if (result.request.accountId === event.accountId) {
        points.set(event.id, (points.get(event.id) ?? new Decimal(0)).plus(new Decimal(result.applied).times(sign)));
      }
      if (result.request.type === 'accrual' && new Decimal(result.applied).greaterThan(0)) {
        const customerId = locked.get(result.request.accountId)?.customerId;
        if (customerId) activated.add(customerId);
      }
      if (new Decimal(result.shortfall).greaterThan(0)) {
        shortfall.set(event.id, (shortfall.get(event.id) ?? new Decimal(0)).plus(result.shortfall));
      }
    });
    if (activated.size) await this.customers.activateNew(manager, [...activated]);

    // An event of a blocked customer is rejected unless it was a refund or rewarded another party.
    const evaluatedIds = new Set(evaluated.map((e) => e.id));
    const rewardedOthers = new Set(requestEvent.map((e) => e.id));
    return events.map((event) => {
      const blocked = !evaluatedIds.has(event.id) || (isBlocked(event.accountId) && !isRefund(event) && !rewardedOthers.has(event.id));
      const missing = shortfall.get(event.id);
      return {
        id: event.id,
        state: blocked ? 'rejected' : 'processed',
        customerId: event.customerId ?? locked.get(event.accountId ?? '')?.customerId ?? null,
        accountId: event.accountId,
        points: blocked ? ZERO : (points.get(event.id) ?? new Decimal(0)).toFixed(2),
        error: blocked
          ? CUSTOMER_BLOCKED
          : missing ? `Balance too low to reverse everything: ${missing.toFixed(2)} points not reversed` : null,
      };
    });
  }

  private async markFailed(eventId: string, error: unknown): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const reason = error instanceof AppError ? error.message : 'Processing failed';
      const result = await manager.query(
        "UPDATE customer_events SET state = 'failed', error = ?, processed_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND state = 'pending'",
        [reason, eventId],
      );
      if (result.affectedRows) afterCommit(manager, () => this.metrics.eventsFinished([{ state: 'failed' }]));
      if (result.affectedRows) await this.webhooks.eventFailed(manager, eventId, reason);
      const [row] = await manager.query('SELECT command_id AS commandId FROM customer_events WHERE id = ?', [eventId]);
      if (row?.commandId) await this.completion.finishIfDone(manager, [row.commandId]);
    }, 'READ COMMITTED');
    this.logger.error({ err: error, eventId }, 'Event could not be processed'); // once the failure is stored
  }
}
