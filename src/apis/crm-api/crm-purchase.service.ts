import { Injectable } from '@nestjs/common';
import { createHash } from 'crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../../common/errors';
import { AppConfig } from '../../config';
import { inTransaction } from '../../database/transaction';
import { AuthenticatedClient } from '../../modules/api-clients';
import { AccountLookupService, BonusAccountsService } from '../../modules/bonus-accounts';
import { EventRegisterService, NewCustomerEvent, RegisteredEvent } from '../../modules/customer-events';
import { DirectoriesService, DirectoryEntryEntity } from '../../modules/directories';
import { EventFacts } from '../../modules/rewards-rules';
import { crmErrors, CrmItemFailure, crmRequestError } from './crm-api.errors';
import { DirectoryResolver } from './directory-resolver';
import { DirectoryRef } from './domain/crm-identifiers';
import { ParsedSinglePurchase, spendPoints, validateSinglePurchase } from './domain/validate-single-purchase';

/**
 * The single posted purchase (seed 003): the event and its spend request are one transaction — an
 * insufficient balance stores neither. `reference_number` is unique per client: a retry answers
 * the first event's id and changes nothing.
 */
@Injectable()
export class CrmPurchaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly accounts: AccountLookupService,
    private readonly directories: DirectoriesService,
    private readonly resolver: DirectoryResolver,
    private readonly events: EventRegisterService,
    private readonly ledger: BonusAccountsService,
  ) {}

  async create(body: unknown, client: AuthenticatedClient): Promise<{ id: string }> {
    const purchase = parse(body);
    const [account] = await this.accounts.findAccounts([purchase.customer.key]);
    if (!account) throw crmRequestError(crmErrors.notFound(purchase.customer.what, purchase.customer.value));
    const entries = await this.resolveEntries(purchase);
    const facts = await this.factsOf(purchase, entries);
    const points = purchase.spend ? spendPoints(purchase.spend, this.config.pointValue) : null;
    if (points && points.isZero()) {
      throw crmRequestError(crmErrors.invalidValue('spend_request.amount', 'The amount is worth less than 0.01 points.'));
    }

    const stored = await inTransaction(this.dataSource, async (manager) => {
      const registered = await this.registerPurchase(manager, purchase.eventId, {
        clientId: client.id, source: 'crm', type: 'purchase', externalKey: `ref:${purchase.referenceNumber}`, commandId: null,
        customerId: account.customerId, accountId: account.id, performedOn: purchase.performedOn,
        amount: purchase.amount ? purchase.amount.toFixed(4) : null, attributes: facts, payload: purchase.payload, udf: null,
      });
      if (registered.duplicate) return registered;
      if (points) await this.spend(manager, client.id, account, registered.id, points.toFixed(2), purchase.referenceNumber);
      return registered;
    });
    if (!stored.duplicate) {
      await this.events.enqueueStored([stored.id]);
    }
    return { id: stored.id };
  }

  /** Every directory reference in one look-up; the first unknown one, in field order, fails the request. */
  private async resolveEntries(purchase: ParsedSinglePurchase): Promise<Map<string, DirectoryEntryEntity>> {
    const refs: DirectoryRef[] = [purchase.classification, purchase.currency, purchase.merchant, purchase.outlet, ...purchase.products.map((p) => p.ref)]
      .filter((r): r is DirectoryRef => r !== null);
    const found = await this.resolver.resolve(refs);
    const entries = new Map<string, DirectoryEntryEntity>();
    refs.forEach((ref, i) => {
      const entry = found[i];
      if (!entry) throw crmRequestError(crmErrors.notFound(ref.what, ref.value));
      entries.set(ref.slot, entry);
    });
    return entries;
  }

  /** The outlet must have the merchant as its parent; without merchant_tap the outlet's parent is the merchant. */
  private async factsOf(purchase: ParsedSinglePurchase, entries: Map<string, DirectoryEntryEntity>): Promise<EventFacts> {
    const outlet = entries.get('outlet');
    let merchant = entries.get('merchant');
    if (outlet && merchant && outlet.parentId !== merchant.id) {
      throw crmRequestError(crmErrors.invalidValue('outlet_tap', `The outlet ${outlet.code} does not belong to the merchant ${merchant.code}.`));
    }
    if (outlet && !merchant && outlet.parentId) [merchant] = await this.directories.findByIds([outlet.parentId]);
    const facts: EventFacts = { eventType: 'purchase', performedOn: purchase.performedOn.toISOString() };
    if (purchase.amount) facts.amount = purchase.amount.toFixed();
    const currency = entries.get('currency');
    if (currency) facts.currency = currency.code;
    const classification = entries.get('classification');
    if (classification) facts.classification = classification.code;
    if (merchant) facts.merchant = merchant.code;
    facts.businessUnit = (outlet ?? merchant as DirectoryEntryEntity).code;
    if (purchase.products.length) {
      facts.products = purchase.products.map((p) => ({
        code: (entries.get(p.ref.slot) as DirectoryEntryEntity).code, quantity: p.quantity.toFixed(), totalAmount: p.totalAmount.toFixed(),
      }));
    }
    return facts;
  }

  /** Seed 003 lets the caller choose the event's id; it must not belong to another event. */
  private async registerPurchase(manager: EntityManager, id: string | null, event: NewCustomerEvent & { externalKey: string }): Promise<RegisteredEvent> {
    if (id === null) return (await this.events.register(manager, [event]))[0];
    try {
      return await this.events.registerWithOwnId(manager, id, event);
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.InvalidValue) throw crmRequestError(crmErrors.invalidValue('id', error.message));
      throw error;
    }
  }

  /** The spend is keyed on the client and the reference number, the purchase's identity for its caller. */
  private async spend(manager: EntityManager, clientId: string, account: { id: string; number: string | null }, eventId: string, points: string, reference: string): Promise<void> {
    const idempotencyKey = `crm-purchase:${clientId}:${createHash('sha256').update(reference).digest('hex')}`;
    try {
      await this.ledger.spend(manager, { accountId: account.id, points, eventId, idempotencyKey, comment: `CRM purchase ${reference}` });
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.InsufficientBalance) throw crmRequestError(crmErrors.insufficientBalance(account.number ?? account.id, points));
      throw error;
    }
  }
}

function parse(body: unknown): ParsedSinglePurchase {
  try {
    return validateSinglePurchase(body, new Date());
  } catch (error) {
    if (error instanceof CrmItemFailure) throw crmRequestError(error.error);
    throw error;
  }
}
