import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommandEventIdsService, CommandRunsService, ItemOutcome, LockedRun, NewCommandItem, PendingItem, StepTwoHandler } from '../../command-runs';
import { CustomersService } from '../customers.service';
import { AcceptedCommand, AddStatus, failure } from './customer-command-result';
import { CustomerItemEffects } from './customer-item-effects';

export type AddItemValidation<T> = { ok: true; item: T } | { ok: false; error: string; login: string | null; guid: string | null };

/** What step 1 answers for a valid item and what it stores for step 2. */
export interface AcceptedItem {
  status: AddStatus;
  itemKey: string | null;
  payload: Record<string, unknown>;
}

/**
 * An add… command: step 1 (`accept`) checks every item alone (a bad item fails alone, stored as
 * rejected with its error), answers the valid ones at once, stores the run and queues step 2;
 * step 2 (`process`) is run by command-runs' processor, which finds it through STEP_TWO_HANDLERS.
 */
@Injectable()
export abstract class AddCommandService<T> implements StepTwoHandler {
  abstract readonly command: string;
  protected readonly logger = new Logger(this.constructor.name);

  constructor(
    protected readonly runs: CommandRunsService,
    protected readonly customers: CustomersService,
    protected readonly eventIds: CommandEventIdsService,
    protected readonly effects: CustomerItemEffects,
  ) {}

  protected abstract validate(raw: unknown): AddItemValidation<T>;
  /** The stored key of a refused item, from its eventId (when it has one) and the login it echoes. */
  protected abstract refusedKey(eventId: string | null, login: string | null): string | null;
  /** Given every valid item first (one set-based look-up), answers each: `n` counts the valid items. */
  protected abstract prepare(valid: T[]): Promise<(item: T, raw: Record<string, unknown>, n: number) => AcceptedItem>;
  abstract process(manager: EntityManager, run: LockedRun, pending: PendingItem[]): Promise<ItemOutcome[]>;

  async accept(clientId: string, rawItems: unknown[]): Promise<AcceptedCommand> {
    const validations = rawItems.map((raw) => this.validate(raw));
    const valid = validations.flatMap((v) => (v.ok ? [v.item] : []));
    const answer = await this.prepare(valid);
    const results: AddStatus[] = [];
    const items: NewCommandItem[] = [];
    let next = 0;
    for (const [n, v] of validations.entries()) {
      const raw = rawItems[n] as Record<string, unknown> | null;
      if (!v.ok) {
        results.push(failure(v.login, v.guid, v.error));
        const eventId = typeof raw?.eventId === 'string' || typeof raw?.eventId === 'number' ? String(raw.eventId) : null;
        items.push({ itemKey: this.refusedKey(eventId, v.login)?.slice(0, 191) ?? null, payload: null, state: 'rejected', error: v.error });
        continue;
      }
      const accepted = answer(v.item, raw!, next++);
      results.push(accepted.status);
      items.push({ itemKey: accepted.itemKey, payload: accepted.payload });
    }
    const commandId = await this.runs.startRun(clientId, this.command, items);
    this.logger.log({ commandId, clientId, items: items.length, refused: validations.length - valid.length }, `${this.command} accepted`);
    return { results, commandId };
  }
}
