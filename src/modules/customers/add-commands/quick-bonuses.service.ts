import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { EntityManager } from 'typeorm';
import { DUPLICATE_EVENT_ID, ItemOutcome, LockedRun, PendingItem } from '../../command-runs';
import { CustomerIndex, matchQuickBonus } from '../domain/customer-matching';
import { CustomerReference } from '../domain/customer-reference';
import { QuickBonusItem, validateQuickBonusItem } from '../domain/quick-bonus-item';
import { AcceptedItem, AddCommandService } from './add-command.service';
import { success } from './customer-command-result';
import { ItemPlan } from './customer-item-effects';

export const ADD_BONUS_EXT_QUICK = 'addBonusExtQuick';

/** A stored item: the validated fields plus the GUID a customer created for it gets. */
type StoredQuickBonus = QuickBonusItem & { guidForNew: string };

const valuesOf = (items: QuickBonusItem[], by: CustomerReference['by']) => items.filter((i) => i.reference.by === by).map((i) => i.reference.value);

/** addBonusExtQuick: accrue to customers named by one identifier each, creating missing ones as active. */
@Injectable()
export class QuickBonusesService extends AddCommandService<QuickBonusItem> {
  readonly command = ADD_BONUS_EXT_QUICK;

  protected validate = validateQuickBonusItem;

  protected refusedKey(eventId: string | null): string | null {
    return eventId;
  }

  protected async prepare(valid: QuickBonusItem[]) {
    const resolved = await this.customers.resolveReferences(valid.map((i) => i.reference));
    return (item: QuickBonusItem, raw: Record<string, unknown>, n: number): AcceptedItem => {
      const found = resolved[n];
      const guidForNew = item.reference.by === 'guid' ? item.reference.value : randomUUID();
      const status = 'customer' in found
        ? success(found.customer.uniqId, found.customer.guid)
        : found.error === 'ambiguousEmail'
          ? success(null, null)
          : success(item.reference.by === 'uniqId' ? String(raw.uniqId) : null, item.reference.by === 'guid' ? String(raw.guid ?? raw.customerId) : guidForNew);
      const stored: StoredQuickBonus = { ...item, guidForNew };
      return { status, itemKey: item.eventId, payload: stored as unknown as Record<string, unknown> };
    };
  }

  /** Step 2 for the run's pending items, in the caller's transaction. */
  async process(manager: EntityManager, run: LockedRun, pending: PendingItem[]): Promise<ItemOutcome[]> {
    const items = pending.map((p) => ({ itemIndex: p.itemIndex, item: p.payload as unknown as StoredQuickBonus }));
    const used = await this.eventIds.usedElsewhere(manager, run.clientId, run.id, items.map(({ item }) => item.eventId));
    const all = items.map(({ item }) => item);
    const index = new CustomerIndex(await this.customers.findIdentities(manager, {
      guids: valuesOf(all, 'guid'), uniqIds: valuesOf(all, 'uniqId'), phones: valuesOf(all, 'phone'), emails: valuesOf(all, 'email'),
    }));
    const plans: ItemPlan[] = items.map(({ itemIndex, item }) => {
      if (used.has(item.eventId)) return { itemIndex, decision: { kind: 'reject', error: DUPLICATE_EVENT_ID, customerId: null }, accrual: null, message: null };
      used.add(item.eventId);
      const decision = matchQuickBonus(index, item.reference, item.guidForNew, randomUUID);
      if (decision.kind === 'apply') index.activate(decision.customerId);
      return { itemIndex, decision, message: null, accrual: decision.kind === 'apply' ? { points: item.amount, eventId: item.eventId, comment: item.comment } : null };
    });
    return this.effects.apply(manager, run, plans);
  }
}
