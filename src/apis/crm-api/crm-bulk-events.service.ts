import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../database/transaction';
import { AuthenticatedClient } from '../../modules/api-clients';
import { AccountLookupKey, AccountLookupService } from '../../modules/bonus-accounts';
import { EventRegisterService, NewCustomerEvent, RegisteredEvent } from '../../modules/customer-events';
import { CrmItemError, crmCodeOf, crmErrors, CrmItemFailure, crmRequestError } from './crm-api.errors';
import { crmOk } from './crm-envelope';
import { BulkEventDraft, buildBulkEvent, ResolvedAccount } from './domain/build-bulk-event';
import { BulkEventType } from './domain/bulk-event-types';
import { processedItem } from './domain/fields-set';
import { BulkRequest, parseBulkRequest } from './domain/parse-bulk-request';
import { ParsedBulkItem, validateBulkItems } from './domain/validate-bulk-item';
import { DirectoryResolver } from './directory-resolver';

export interface BulkAnswer {
  unprocessed_customer_events_set: Array<{ request_unique_identifier: string | null; error_code: string; error_description: string }>;
  processed_customer_events_set: Array<Record<string, string>>;
}

type ItemOutcome = { event: { id: string; number: string } } | { error: CrmItemError };

/**
 * The bulk customer-event endpoints: every item is validated on its own (pure), all references of
 * the call are resolved with a few `IN` queries, and the valid items are stored in one transaction
 * with multi-row INSERTs — then queued for the rules after commit.
 */
@Injectable()
export class CrmBulkEventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountLookupService,
    private readonly directories: DirectoryResolver,
    private readonly events: EventRegisterService,
  ) {}

  async create(type: BulkEventType, body: unknown, client: AuthenticatedClient) {
    const request = requestOf(type, body);
    const intendedCurrency = await this.intendedCurrencyOf(request);
    const validated = validateBulkItems(type, request.items);
    const outcomes: Array<ItemOutcome | undefined> = validated.map((v) => (v.error ? { error: v.error } : undefined));
    const parsed = validated.flatMap((v, index) => (v.item ? [{ index, item: v.item }] : []));

    const drafts = await this.check(type, parsed, intendedCurrency, outcomes);
    const stored = drafts.length ? await this.store(type, drafts, client, outcomes) : [];
    if (stored.length) await this.events.enqueueStored(stored.map((e) => e.id));

    const answer: BulkAnswer = { unprocessed_customer_events_set: [], processed_customer_events_set: [] };
    validated.forEach((v, index) => {
      const outcome = outcomes[index] as ItemOutcome;
      if ('error' in outcome) {
        answer.unprocessed_customer_events_set.push({
          request_unique_identifier: v.requestId, error_code: crmCodeOf(outcome.error), error_description: outcome.error.description,
        });
      } else {
        answer.processed_customer_events_set.push(processedItem(v.requestId as string, outcome.event, request.fields));
      }
    });
    return crmOk(answer);
  }

  private async intendedCurrencyOf(request: BulkRequest): Promise<string | null> {
    if (!request.intendedCurrency) return null;
    const [entry] = await this.directories.resolve([request.intendedCurrency]);
    if (!entry) throw crmRequestError(crmErrors.notFound(request.intendedCurrency.what, request.intendedCurrency.value));
    return entry.code;
  }

  /** Resolves every reference of the call at once and checks each item against what they name. */
  private async check(
    type: BulkEventType, parsed: Array<{ index: number; item: ParsedBulkItem }>, intendedCurrency: string | null, outcomes: Array<ItemOutcome | undefined>,
  ): Promise<Array<{ index: number; draft: BulkEventDraft }>> {
    const keys: AccountLookupKey[] = [];
    for (const { item } of parsed) {
      for (const ref of item.accountRefs) keys.push(ref.key);
      for (const ref of item.referrerRefs) keys.push(ref.key);
    }
    const [found, entries] = await Promise.all([
      this.accounts.findAccounts(keys),
      this.directories.resolve(parsed.flatMap(({ item }) => item.directoryRefs)),
    ]);
    // Both answers are aligned with the references, which were listed item by item.
    let account = 0;
    let entry = 0;
    const drafts: Array<{ index: number; draft: BulkEventDraft }> = [];
    for (const { index, item } of parsed) {
      const accounts: Array<ResolvedAccount | null> = found.slice(account, (account += item.accountRefs.length));
      const referrers: Array<ResolvedAccount | null> = found.slice(account, (account += item.referrerRefs.length));
      const slots = new Map(item.directoryRefs.map((ref, i) => [ref.slot, entries[entry + i]]));
      entry += item.directoryRefs.length;
      const result = buildBulkEvent(type, item, { accounts, referrers, entries: slots }, intendedCurrency);
      if (result.error) outcomes[index] = { error: result.error };
      else drafts.push({ index, draft: result.draft });
    }
    return drafts;
  }

  /**
   * One transaction: referrals claim their referred participant (a participant is referred once),
   * then every event is inserted. A repeated (external_system, external_system_reference_number)
   * answers the original event and stores nothing.
   */
  private async store(
    type: BulkEventType, drafts: Array<{ index: number; draft: BulkEventDraft }>, client: AuthenticatedClient, outcomes: Array<ItemOutcome | undefined>,
  ): Promise<RegisteredEvent[]> {
    const results = await inTransaction(this.dataSource, async (manager) => {
      const settled = new Map<number, ItemOutcome>();
      if (drafts.some((d) => d.draft.referral)) await this.claimReferrals(manager, client, drafts, settled);
      const toStore = drafts.filter((d) => !settled.has(d.index));
      const registered = await this.events.register(manager, toStore.map((d) => newEvent(type, d.draft, client)));
      toStore.forEach((d, i) => settled.set(d.index, { event: { id: registered[i].id, number: registered[i].number } }));
      return { settled, fresh: registered.filter((r) => !r.duplicate) };
    }, 'READ COMMITTED');
    for (const [index, outcome] of results.settled) outcomes[index] = outcome;
    return results.fresh;
  }

  private async claimReferrals(manager: EntityManager, client: AuthenticatedClient, drafts: Array<{ index: number; draft: BulkEventDraft }>, settled: Map<number, ItemOutcome>) {
    const referrals = drafts.filter((d) => d.draft.referral);
    // A resubmitted referral is answered with its original event before its participant is claimed again.
    const originals = await this.events.findByExternalKeys(manager, client.id, referrals.map((d) => d.draft.externalKey).filter((k): k is string => k !== null));
    const claiming: typeof referrals = [];
    const firstWithKey = new Map<string, (typeof referrals)[number]>();
    const repeats: Array<{ index: number; first: number }> = [];
    for (const d of referrals) {
      const key = d.draft.externalKey;
      const original = key ? originals.get(key) : undefined;
      const first = key ? firstWithKey.get(key) : undefined;
      if (original) settled.set(d.index, { event: original });
      else if (first) repeats.push({ index: d.index, first: first.index });
      else {
        if (key) firstWithKey.set(key, d);
        claiming.push(d);
      }
    }
    const granted = await this.accounts.claimReferrals(manager, claiming.map((d) => referralOf(d.draft)));
    claiming.forEach((d, i) => {
      if (!granted[i]) settled.set(d.index, { error: crmErrors.referredByAnotherParticipant(referralOf(d.draft).referredParticipant) });
    });
    // A repeat of a key within the call shares its first item's fate: refused with it, or answered by the register with its event.
    for (const { index, first } of repeats) {
      const outcome = settled.get(first);
      if (outcome) settled.set(index, outcome);
    }
  }
}

function requestOf(type: BulkEventType, body: unknown): BulkRequest {
  try {
    return parseBulkRequest(type, body);
  } catch (error) {
    if (error instanceof CrmItemFailure) throw crmRequestError(error.error);
    throw error;
  }
}

function referralOf(draft: BulkEventDraft): NonNullable<BulkEventDraft['referral']> {
  return draft.referral as NonNullable<BulkEventDraft['referral']>;
}

function newEvent(type: BulkEventType, draft: BulkEventDraft, client: AuthenticatedClient): NewCustomerEvent {
  return {
    clientId: client.id,
    source: 'crm',
    type: type.eventType,
    externalKey: draft.externalKey,
    commandId: null,
    customerId: draft.customerId,
    accountId: draft.accountId,
    performedOn: draft.performedOn,
    amount: draft.amount,
    attributes: draft.attributes,
    payload: draft.payload,
    udf: draft.udf,
  };
}
