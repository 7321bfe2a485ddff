import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { BonusAccountsService, LedgerEntryRequest } from '../../bonus-accounts';
import { CommandEventIdsService, DUPLICATE_EVENT_ID, ItemOutcome, LockedRun, RunWebhooks } from '../../command-runs';
import { ITEM_ERRORS } from '../customers.errors';
import { CustomersService, IdentityChange } from '../customers.service';
import { MatchDecision } from '../domain/customer-matching';
import { CustomerMessageInput } from '../domain/point-message-item';

/** What one command item does once its customer is known. */
export interface ItemPlan {
  itemIndex: number;
  decision: MatchDecision;
  accrual: { points: string; eventId: string; comment: string | null } | null;
  message: CustomerMessageInput | null;
}

/** The ledger key of a command accrual: one accrual per client and eventId, however often the job runs. */
export const commandAccrualKey = (clientId: string, eventId: string) => `cmd:${clientId}:${eventId}`;

/**
 * Writes the effects of a command's item plans with a few set-based statements: new customers,
 * identity changes, accounts, accruals (locked accounts, one batch), activation of the customers
 * that received points, and messages. Returns each item's outcome.
 */
@Injectable()
export class CustomerItemEffects {
  constructor(
    private readonly customers: CustomersService,
    private readonly accounts: BonusAccountsService,
    private readonly eventIds: CommandEventIdsService,
    private readonly webhooks: RunWebhooks,
  ) {}

  async apply(manager: EntityManager, run: LockedRun, plans: ItemPlan[]): Promise<ItemOutcome[]> {
    const outcomes = new Map<number, ItemOutcome>();
    const applied = plans.filter((p): p is ItemPlan & { decision: Extract<MatchDecision, { kind: 'apply' }> } => p.decision.kind === 'apply');
    for (const p of plans) {
      if (p.decision.kind === 'reject') {
        outcomes.set(p.itemIndex, { itemIndex: p.itemIndex, state: 'rejected', customerId: p.decision.customerId, points: null, error: p.decision.error });
      }
    }

    await this.customers.insertCustomers(manager, applied.flatMap((p) => (p.decision.create ? [p.decision.create] : [])));
    const changes = new Map<string, IdentityChange>();
    for (const p of applied) {
      if (p.decision.change) changes.set(p.decision.customerId, { ...changes.get(p.decision.customerId), ...p.decision.change, id: p.decision.customerId });
    }
    await this.customers.updateIdentities(manager, [...changes.values()]);
    const accountOf = await this.accounts.ensureAccounts(manager, applied.map((p) => p.decision.customerId));

    const accruing = applied.filter((p) => p.accrual);
    const locked = await this.accounts.lockAccounts(manager, accruing.map((p) => accountOf.get(p.decision.customerId)!));
    const unblocked = accruing.filter((p) => {
      const blocked = locked.get(accountOf.get(p.decision.customerId)!)?.customerStatus === 'blocked';
      if (blocked) outcomes.set(p.itemIndex, { itemIndex: p.itemIndex, state: 'rejected', customerId: p.decision.customerId, error: ITEM_ERRORS.customerBlocked });
      return !blocked;
    });
    // One eventId namespace with loadCustomerEventsExt: an accrual takes its eventId, or it is a duplicate.
    const held = await this.eventIds.take(manager, run.clientId, run.id, unblocked.map((p) => p.accrual!.eventId));
    const requests: Array<{ plan: ItemPlan; request: LedgerEntryRequest }> = [];
    for (const p of unblocked) {
      if (!held.has(p.accrual!.eventId)) {
        outcomes.set(p.itemIndex, { itemIndex: p.itemIndex, state: 'rejected', customerId: p.decision.customerId, error: DUPLICATE_EVENT_ID });
        continue;
      }
      requests.push({
        plan: p,
        request: {
          accountId: accountOf.get(p.decision.customerId)!, type: 'accrual', points: p.accrual!.points, eventId: null, ruleId: null, expiresAt: null,
          idempotencyKey: commandAccrualKey(run.clientId, p.accrual!.eventId), comment: p.accrual!.comment, externalEventId: p.accrual!.eventId,
        },
      });
    }
    const results = await this.accounts.applyBatch(manager, requests.map((r) => r.request));
    await this.webhooks.accrued(manager, results, locked);
    const activated: string[] = [];
    results.forEach((result, i) => {
      const { plan } = requests[i];
      const customerId = (plan.decision as Extract<MatchDecision, { kind: 'apply' }>).customerId;
      if (result.duplicate) {
        outcomes.set(plan.itemIndex, { itemIndex: plan.itemIndex, state: 'rejected', customerId, error: DUPLICATE_EVENT_ID });
      } else {
        if (new Decimal(result.applied).gt(0)) activated.push(customerId);
        outcomes.set(plan.itemIndex, { itemIndex: plan.itemIndex, state: 'processed', customerId, points: result.applied, error: null });
      }
    });
    await this.customers.activateNew(manager, activated);

    for (const p of applied) {
      if (!outcomes.has(p.itemIndex)) outcomes.set(p.itemIndex, { itemIndex: p.itemIndex, state: 'processed', customerId: p.decision.customerId, points: '0.00', error: null });
    }
    const messages = applied.filter((p) => p.message && outcomes.get(p.itemIndex)!.state === 'processed');
    await this.customers.addMessages(manager, messages.map((p) => ({
      customerId: p.decision.customerId, text: p.message!.text, showCount: p.message!.showCount,
      showTill: p.message!.showTill ? new Date(p.message!.showTill) : null,
    })));
    return plans.map((p) => outcomes.get(p.itemIndex)!);
  }
}
