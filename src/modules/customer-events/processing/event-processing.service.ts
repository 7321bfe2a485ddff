import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, isTransientDatabaseError } from '../../../common/errors';
import { afterCommit } from '../../../database/after-commit';
import { inTransaction } from '../../../database/transaction';
import { EngineMetrics } from '../../../metrics/engine-metrics';
import { awardEntry, BonusAccountsService, LedgerEntryRequest } from '../../bonus-accounts';
import { CustomersService } from '../../customers';
import { BudgetClaim, RewardsRulesService, SettleOptions, withBudgetFallback } from '../../rewards-rules';
import { CommandCompletionService } from '../command-completion.service';
import { EventWebhooks } from '../event-webhooks.service';
import { accrualOutcomes, isRefund, newlyActive, partiesOf } from './accrual-outcomes';
import { EventOutcome, outcomeUpdate } from './event-outcome';
import { PendingEvent, toPendingEvent } from './pending-event';

/**
 * Step 2 for a chunk of stored events: customers created or updated, rules evaluated in memory
 * (as far as usage does not matter, before the accounts are locked), points written through the
 * ledger — one transaction per chunk, set-based. The events are locked and re-read as pending
 * first, so a job retried or run twice changes nothing the second time. Budgets are claimed last,
 * from the budget shares of the chunk's partition; a chunk whose claim does not fit runs again
 * with the budgets locked from settle on (withBudgetFallback).
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
   * failed (an admin can requeue it), never retried forever. `partition`: the event partition the
   * chunk came from, whose budget shares it claims from.
   */
  async processChunk(eventIds: string[], partition = 0): Promise<number> {
    try {
      return await this.processInTransaction(eventIds, partition);
    } catch (error) {
      if (isTransientDatabaseError(error)) throw error;
      if (eventIds.length === 1) {
        await this.markFailed(eventIds[0], error);
        return 1;
      }
      this.logger.warn({ err: error, events: eventIds.length }, 'Chunk failed; processing its events one by one');
      let done = 0;
      for (const id of eventIds) done += await this.processChunk([id], partition);
      return done;
    }
  }

  private async processInTransaction(eventIds: string[], partition: number): Promise<number> {
    await withBudgetFallback((options) => this.processOnce(eventIds, partition, options));
    return eventIds.length;
  }

  /** Processes the chunk's pending events in one transaction, then finishes the commands it settled. */
  private async processOnce(eventIds: string[], partition: number, options: SettleOptions): Promise<void> {
    const commandIds = await inTransaction(this.dataSource, async (manager) => {
      const events = await this.lockPending(manager, eventIds);
      if (events.length === 0) return [];
      await this.attachCustomers(manager, events);
      const { outcomes, budgetClaims } = await this.accrue(manager, events, options);
      const { sql, params } = outcomeUpdate(outcomes);
      await manager.query(sql, params);
      await this.webhooks.chunkFinished(manager, events, outcomes);
      afterCommit(manager, () => this.metrics.eventsFinished(outcomes.map((o, i) => ({ state: o.state, acceptedAt: events[i].acceptedAt }))));
      // Last before the commit: the claim takes the partition's budget shares, and now and then
      // (a share's refill, a fallback) a rule's row that every partition's chunks take in turn.
      await this.rules.claimBudgets(manager, budgetClaims, partition, options);
      return [...new Set(events.map((e) => e.commandId).filter((c): c is string => !!c))];
    }, 'READ COMMITTED');
    await this.completion.finishAfterCommit(commandIds);
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

  /**
   * The chunk's awards: planned by the rules before any account is locked (matching and award
   * arithmetic do not depend on usage), then the accounts locked, the awards settled against the
   * limits' usage, and written to the ledger. Returns what the awards take from the budgets, for
   * the caller to claim last.
   */
  private async accrue(
    manager: EntityManager, events: PendingEvent[], options: SettleOptions,
  ): Promise<{ outcomes: EventOutcome[]; budgetClaims: BudgetClaim[] }> {
    const withAccount = events.filter((e) => e.accountId);
    const plan = this.rules.plan(withAccount.map((e) => ({ key: e.id, facts: e.facts, accountId: e.accountId as string, refund: isRefund(e) })));

    const locked = await this.accounts.lockAccounts(manager, events.flatMap(partiesOf));
    // Blocked recipients are left out before any limit or budget is used; a refund is reversed
    // even on a blocked account, taking points back is no accrual.
    const isBlocked = (accountId: string | null) => !accountId || locked.get(accountId)?.customerStatus === 'blocked';
    const { awards, budgetClaims } = await this.rules.settle(manager, plan, isBlocked, options);

    const requests: LedgerEntryRequest[] = [];
    const requestEvents: PendingEvent[] = [];
    for (const event of withAccount) {
      for (const award of awards.get(event.id) ?? []) {
        requests.push(awardEntry(event.id, isRefund(event), award));
        requestEvents.push(event);
      }
    }
    const results = await this.accounts.applyBatch(manager, requests, { keysAreNew: true }); // the events are locked as pending
    const entries = results.map((result, i) => ({ event: requestEvents[i], result }));
    const activated = newlyActive(entries, (accountId) => locked.get(accountId));
    if (activated.length) await this.customers.activateNew(manager, activated);
    return { outcomes: accrualOutcomes(events, entries, isBlocked, (accountId) => locked.get(accountId)?.customerId), budgetClaims };
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
