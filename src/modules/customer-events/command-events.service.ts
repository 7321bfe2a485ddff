import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CommandItemError } from '../../common/errors';
import { inTransaction } from '../../database/transaction';
import { CommandEventIdsService, CommandRunsService, DUPLICATE_EVENT_ID, ExclusiveRunsService } from '../command-runs';
import { DirectoriesService, entryKey } from '../directories';
import { COMMAND_DIRECTORY_FIELDS, commandEventFacts } from './domain/command-event-facts';
import { CommandCompletionService } from './command-completion.service';
import { CommandEvent } from './command-event';
import { itemErrorsFailure } from './customer-events.errors';
import { EventRegisterService } from './event-register.service';

export const LOAD_CUSTOMER_EVENTS_EXT = 'loadCustomerEventsExt';

/**
 * Step 1 of loadCustomerEventsExt after the format checks: directory initialisation, the single
 * in-flight rule, and the events stored (pending) with their command run — all in one transaction,
 * queued for step 2 only after it commits.
 */
@Injectable()
export class CommandEventsService {
  private readonly logger = new Logger(CommandEventsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directories: DirectoriesService,
    private readonly commandRuns: CommandRunsService,
    private readonly exclusiveRuns: ExclusiveRunsService,
    private readonly eventIds: CommandEventIdsService,
    private readonly register: EventRegisterService,
    private readonly completion: CommandCompletionService,
  ) {}

  async accept(clientId: string, events: CommandEvent[]): Promise<string> {
    const { commandId, queued } = await inTransaction(this.dataSource, async (manager) => {
      await this.initialiseDirectories(manager, events);
      const commandId = await this.exclusiveRuns.open(
        manager, { clientId, type: LOAD_CUSTOMER_EVENTS_EXT, itemCount: events.length },
        this.completion.withPendingEvents, this.completion.recordFinished,
      );
      const held = await this.eventIds.take(manager, clientId, commandId, events.map((e) => e.eventId));
      const { fresh, duplicates } = splitDuplicates(events, held);
      await this.commandRuns.addItems(
        manager, commandId, duplicates.map((e) => ({ itemKey: e.eventId, payload: { customerId: e.guid }, state: 'rejected', error: DUPLICATE_EVENT_ID })),
      );
      const registered = await this.register.register(
        manager,
        fresh.map((e) => ({
          clientId, source: 'command' as const, type: e.eventType, externalKey: `cmd:${e.eventId}`, commandId,
          customerId: null, accountId: null, performedOn: e.performedOn, amount: e.baseAmount, attributes: commandEventFacts(e),
          payload: { customerId: e.guid, eventId: e.eventId, operationAmount: e.operationAmount, operationCurrencyRate: e.operationCurrencyRate, merchantName: e.merchantName },
          udf: null,
        })),
      );
      if (registered.length === 0) await this.completion.finishIfDone(manager, [commandId]);
      return { commandId, queued: registered.map((r) => r.id) };
    }, 'READ COMMITTED');
    await this.register.enqueueStored(queued);
    this.logger.log({ commandId, clientId, events: events.length, queued: queued.length }, 'loadCustomerEventsExt accepted');
    return commandId;
  }

  /** Registers unknown values of open kinds; unknown values of closed kinds fail their events. */
  private async initialiseDirectories(manager: EntityManager, events: CommandEvent[]): Promise<void> {
    const requests = COMMAND_DIRECTORY_FIELDS.map(({ kind, pick }) => ({
      kind,
      codes: new Set(events.map(pick).filter((v): v is string => !!v)),
    }));
    const { unknown } = await this.directories.ensureCodes(requests, manager);
    if (unknown.length === 0) return;
    const unknownKeys = new Set(unknown.map((u) => entryKey(u.kind, u.code)));
    const errors: CommandItemError[] = [];
    for (const event of events) {
      const field = COMMAND_DIRECTORY_FIELDS.find(({ kind, pick }) => {
        const code = pick(event);
        return code && unknownKeys.has(entryKey(kind, code));
      });
      if (field) errors.push({ eventId: event.eventId, typeOfError: 'wrongParam', description: field.unknown });
    }
    throw itemErrorsFailure(errors);
  }
}

/**
 * eventId is unique per client across the Command API: an eventId this command does not hold
 * (another command used it), or its repeat within the command, is rejected and not stored.
 */
function splitDuplicates(events: CommandEvent[], held: Set<string>) {
  const seen = new Set<string>();
  const fresh: CommandEvent[] = [];
  const duplicates: CommandEvent[] = [];
  for (const event of events) {
    (held.has(event.eventId) && !seen.has(event.eventId) ? fresh : duplicates).push(event);
    seen.add(event.eventId);
  }
  return { fresh, duplicates };
}
