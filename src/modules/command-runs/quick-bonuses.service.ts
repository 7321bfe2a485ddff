import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { EntityManager } from 'typeorm';
import { ITEM_ERRORS } from '../customers/customers.errors';
import { CustomersService } from '../customers/customers.service';
import { CustomerIndex, matchQuickBonus } from '../customers/domain/customer-matching';
import { CustomerReference } from '../customers/domain/customer-reference';
import { QuickBonusItem, validateQuickBonusItem } from '../customers/domain/quick-bonus-item';
import { CommandEventIdsService } from './command-event-ids.service';
import { CommandRunsService } from './command-runs.service';
import { ItemOutcome, LockedRun, NewCommandItem, PendingItem } from './command-runs.types';
import { AcceptedCommand, AddStatus, failure, success } from './customer-command-result';
import { CustomerItemEffects, ItemPlan } from './customer-item-effects';

export const ADD_BONUS_EXT_QUICK = 'addBonusExtQuick';

/** A stored item: the validated fields plus the GUID a customer created for it gets. */
type StoredQuickBonus = QuickBonusItem & { guidForNew: string };

const valuesOf = (items: QuickBonusItem[], by: CustomerReference['by']) => items.filter((i) => i.reference.by === by).map((i) => i.reference.value);

/** addBonusExtQuick: accrue to customers named by one identifier each, creating missing ones as active. */
@Injectable()
export class QuickBonusesService {
  private readonly logger = new Logger(QuickBonusesService.name);

  constructor(
    private readonly runs: CommandRunsService,
    private readonly customers: CustomersService,
    private readonly eventIds: CommandEventIdsService,
    private readonly effects: CustomerItemEffects,
  ) {}

  async accept(clientId: string, rawItems: unknown[]): Promise<AcceptedCommand> {
    const validations = rawItems.map(validateQuickBonusItem);
    const valid = validations.flatMap((v) => (v.ok ? [v.item] : []));
    const resolved = await this.customers.resolveReferences(valid.map((i) => i.reference));
    const results: AddStatus[] = [];
    const items: NewCommandItem[] = [];
    let next = 0;
    for (const [n, v] of validations.entries()) {
      const raw = rawItems[n] as Record<string, unknown> | null;
      if (!v.ok) {
        results.push(failure(v.login, v.guid, v.error));
        const eventId = typeof raw?.eventId === 'string' || typeof raw?.eventId === 'number' ? String(raw.eventId).slice(0, 191) : null;
        items.push({ itemKey: eventId, payload: null, state: 'rejected', error: v.error });
        continue;
      }
      const item = v.item;
      const found = resolved[next++];
      const guidForNew = item.reference.by === 'guid' ? item.reference.value : randomUUID();
      if ('customer' in found) results.push(success(found.customer.uniqId, found.customer.guid));
      else if (found.error === 'ambiguousEmail') results.push(success(null, null));
      else results.push(success(item.reference.by === 'uniqId' ? String(raw!.uniqId) : null, item.reference.by === 'guid' ? String(raw!.guid ?? raw!.customerId) : guidForNew));
      const stored: StoredQuickBonus = { ...item, guidForNew };
      items.push({ itemKey: item.eventId, payload: stored as unknown as Record<string, unknown> });
    }
    const commandId = await this.runs.startRun(clientId, ADD_BONUS_EXT_QUICK, items);
    this.logger.log({ commandId, clientId, items: items.length, refused: validations.length - valid.length }, 'addBonusExtQuick accepted');
    return { results, commandId };
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
      if (used.has(item.eventId)) return { itemIndex, decision: { kind: 'reject', error: ITEM_ERRORS.duplicateEventId, customerId: null }, accrual: null, message: null };
      used.add(item.eventId);
      const decision = matchQuickBonus(index, item.reference, item.guidForNew, randomUUID);
      if (decision.kind === 'apply') index.activate(decision.customerId);
      return { itemIndex, decision, message: null, accrual: decision.kind === 'apply' ? { points: item.amount, eventId: item.eventId, comment: item.comment } : null };
    });
    return this.effects.apply(manager, run, plans);
  }
}
