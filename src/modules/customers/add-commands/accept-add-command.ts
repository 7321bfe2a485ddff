import { Logger } from '@nestjs/common';
import { CommandRunsService, NewCommandItem } from '../../command-runs';
import { AcceptedCommand, AddStatus, failure } from './customer-command-result';

export type AddItemValidation<T> = { ok: true; item: T } | { ok: false; error: string; login: string | null; guid: string | null };

/** What step 1 answers for a valid item and what it stores for step 2. */
export interface AcceptedItem {
  status: AddStatus;
  itemKey: string | null;
  payload: Record<string, unknown>;
}

export interface AddCommandStepOne<T> {
  command: string;
  validate: (raw: unknown) => AddItemValidation<T>;
  /** The stored key of a refused item, from its eventId (when it has one) and the login it echoes. */
  refusedKey: (eventId: string | null, login: string | null) => string | null;
  /** Given every valid item first (one set-based look-up), answers each: `n` counts the valid items. */
  prepare: (valid: T[]) => Promise<(item: T, raw: Record<string, unknown>, n: number) => AcceptedItem>;
}

/**
 * Step 1 of an add… command: every item checked alone (a bad item fails alone, stored as
 * rejected with its error), the valid ones answered at once, the run stored and step 2 queued.
 */
export async function acceptAddCommand<T>(
  runs: CommandRunsService, logger: Logger, step: AddCommandStepOne<T>, clientId: string, rawItems: unknown[],
): Promise<AcceptedCommand> {
  const validations = rawItems.map(step.validate);
  const valid = validations.flatMap((v) => (v.ok ? [v.item] : []));
  const answer = await step.prepare(valid);
  const results: AddStatus[] = [];
  const items: NewCommandItem[] = [];
  let next = 0;
  for (const [n, v] of validations.entries()) {
    const raw = rawItems[n] as Record<string, unknown> | null;
    if (!v.ok) {
      results.push(failure(v.login, v.guid, v.error));
      const eventId = typeof raw?.eventId === 'string' || typeof raw?.eventId === 'number' ? String(raw.eventId) : null;
      items.push({ itemKey: step.refusedKey(eventId, v.login)?.slice(0, 191) ?? null, payload: null, state: 'rejected', error: v.error });
      continue;
    }
    const accepted = answer(v.item, raw!, next++);
    results.push(accepted.status);
    items.push({ itemKey: accepted.itemKey, payload: accepted.payload });
  }
  const commandId = await runs.startRun(clientId, step.command, items);
  logger.log({ commandId, clientId, items: items.length, refused: validations.length - valid.length }, `${step.command} accepted`);
  return { results, commandId };
}
