import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CommandEventIdsService, CommandRunsService, DUPLICATE_EVENT_ID, ItemOutcome, LockedRun, PendingItem } from '../../command-runs';
import { CustomersService } from '../customers.service';
import { CustomerIndex, matchPointMessage } from '../domain/customer-matching';
import { PointMessageItem, validatePointMessageItem } from '../domain/point-message-item';
import { AcceptedItem, AddCommandService } from './add-command.service';
import { success } from './customer-command-result';
import { CustomerItemEffects, ItemPlan } from './customer-item-effects';

export const ADD_CUSTOMER_POINT_MESSAGE = 'addCustomerPointMessage';

/** A stored item: the validated fields plus the GUID step 1 settled on. */
type StoredPointMessage = PointMessageItem & { guid: string; guidGiven: boolean };

/**
 * addCustomerPointMessage (seed 001). Step 1 checks each item's format and answers at once (a bad
 * item fails alone); step 2 applies the FAQ's identity rules, accrues and stores the messages.
 */
@Injectable()
export class PointMessagesService extends AddCommandService<PointMessageItem> {
  readonly command = ADD_CUSTOMER_POINT_MESSAGE;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    runs: CommandRunsService,
    customers: CustomersService,
    eventIds: CommandEventIdsService,
    effects: CustomerItemEffects,
  ) {
    super(runs, customers, eventIds, effects);
  }

  protected validate = validatePointMessageItem;

  protected refusedKey(eventId: string | null, login: string | null): string | null {
    return eventId ?? login;
  }

  protected async prepare(valid: PointMessageItem[]) {
    // Without a GUID the answer gives the customer's own, or a new one the customer will be created with.
    const known = await this.customers.findIdentities(this.dataSource.manager, { uniqIds: valid.filter((i) => !i.guid).map((i) => i.uniqId) });
    const guidOfLogin = new Map(known.filter((c) => c.guid && c.uniqId).map((c) => [c.uniqId!.toLowerCase(), c.guid!]));
    return (item: PointMessageItem, raw: Record<string, unknown>): AcceptedItem => {
      const guid = item.guid ?? guidOfLogin.get(item.uniqId.toLowerCase()) ?? randomUUID();
      const stored: StoredPointMessage = { ...item, guid, guidGiven: item.guid !== null };
      return {
        status: success(String(raw.uniqId), item.guid ? (raw.guid as string) : guid),
        itemKey: item.eventId ?? item.uniqId,
        payload: stored as unknown as Record<string, unknown>,
      };
    };
  }

  /** Step 2 for the run's pending items, in the caller's transaction. */
  async process(manager: EntityManager, run: LockedRun, pending: PendingItem[]): Promise<ItemOutcome[]> {
    const items = pending.map((p) => ({ itemIndex: p.itemIndex, item: p.payload as unknown as StoredPointMessage }));
    const used = await this.eventIds.usedElsewhere(manager, run.clientId, run.id, items.flatMap(({ item }) => (item.eventId ? [item.eventId] : [])));
    const index = new CustomerIndex(await this.customers.findIdentities(manager, {
      guids: items.map(({ item }) => item.guid),
      uniqIds: items.map(({ item }) => item.uniqId),
      phones: items.flatMap(({ item }) => (item.phone ? [item.phone] : [])),
      emails: items.flatMap(({ item }) => (item.email ? [item.email] : [])),
    }));
    const plans: ItemPlan[] = items.map(({ itemIndex, item }) => {
      if (item.eventId) {
        if (used.has(item.eventId)) return { itemIndex, decision: { kind: 'reject', error: DUPLICATE_EVENT_ID, customerId: null }, accrual: null, message: null };
        used.add(item.eventId);
      }
      const decision = matchPointMessage(index, item, randomUUID);
      const accrues = decision.kind === 'apply' && item.eventId !== null && item.amount !== '0.00';
      if (accrues) index.activate(decision.customerId);
      return {
        itemIndex, decision, message: item.message,
        accrual: accrues ? { points: item.amount, eventId: item.eventId!, comment: null } : null,
      };
    });
    return this.effects.apply(manager, run, plans);
  }
}
