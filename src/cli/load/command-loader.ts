import Decimal from 'decimal.js';
import { CliError } from '../cli-error';
import { backoffDelay, sleep } from '../engine/backoff';
import { CommandApi, EventOutcome } from '../engine/command-api';
import { NetworkError, RetryPolicy } from '../engine/engine-http';
import { InFlightCommand } from './checkpoint';
import { ErrorEntry } from './error-report';
import { errorEntry, LoadState, unreadableEntries } from './load-state';
import { InputRecord } from './read-records';
import { eventIdOf, splitRejected } from './step-one-rejections';

export interface CommandLoadOptions {
  chunkSize: number;
  /** The protocol's pause after a command finished, before the next one. */
  pauseMs: number;
  retry: RetryPolicy;
  /** How long a 409 notAllowed (this key's previous command still running) is waited out. */
  busyTimeoutMs: number;
}

const POLL_FIRST_MS = 250;
const POLL_MAX_MS = 2000;

type Target = { commandId: string } | { eventIds: string[] };

/**
 * loadCustomerEventsExt as the protocol asks: one command at a time, the next only when
 * getEventOperation shows none of the previous command's events pending, and one second later.
 */
export class CommandLoader {
  private lastFinished = 0;

  constructor(
    private readonly state: LoadState,
    private readonly api: CommandApi,
    private readonly options: CommandLoadOptions,
  ) {}

  async run(records: AsyncIterable<InputRecord>): Promise<void> {
    const { done } = this.state.checkpoint;
    let resumed = this.state.checkpoint.inFlight;
    if (done > 0 || resumed) this.lastFinished = Date.now();
    let resumedRecords: InputRecord[] = [];
    let chunk: InputRecord[] = [];
    for await (const record of records) {
      if (record.index <= done) continue;
      if (resumed && record.index <= resumed.to) {
        resumedRecords.push(record);
        if (record.index === resumed.to) {
          await this.resume(resumed, resumedRecords);
          resumed = null;
          resumedRecords = [];
        }
        continue;
      }
      chunk.push(record);
      if (chunk.length >= this.options.chunkSize) {
        await this.send(chunk);
        chunk = [];
      }
    }
    if (resumed) await this.resume(resumed, resumedRecords);
    if (chunk.length > 0) await this.send(chunk);
  }

  private async send(records: InputRecord[]): Promise<void> {
    const unreadable = unreadableEntries(records);
    const inFlight: InFlightCommand = {
      from: records[0].index, to: records[records.length - 1].index, commandId: null,
      excluded: records.filter((r) => r.item === null).map((r) => r.index),
    };
    this.state.commit(unreadable, { rejected: unreadable.length }, { inFlight });
    await this.deliver(inFlight, records.filter((r) => r.item !== null));
  }

  /** The command in flight when the last run stopped: follow it if the engine has it, send it otherwise. */
  private async resume(inFlight: InFlightCommand, records: InputRecord[]): Promise<void> {
    const excluded = new Set(inFlight.excluded);
    const pending = records.filter((r) => r.item !== null && !excluded.has(r.index));
    if (inFlight.commandId) return this.follow({ commandId: inFlight.commandId }, pending, inFlight);
    const eventIds = await this.acceptedEventIds(pending);
    if (eventIds) {
      this.state.commit([], { sent: pending.length });
      return this.follow({ eventIds }, pending, inFlight);
    }
    return this.deliver(inFlight, pending);
  }

  private async deliver(inFlight: InFlightCommand, records: InputRecord[]): Promise<void> {
    let pending = records;
    let failures = 0;
    let busySince: number | null = null;
    let busyTries = 0;
    while (pending.length > 0) {
      await this.pace();
      let answer;
      try {
        answer = await this.api.loadCustomerEventsExt(pending.map((r) => r.item));
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        if (failures >= this.options.retry.retries) throw new CliError(`${error.message}; gave up after ${failures + 1} attempts`);
        await sleep(backoffDelay(failures++, this.options.retry.baseDelayMs, this.options.retry.maxDelayMs));
        const eventIds = await this.acceptedEventIds(pending);
        if (eventIds) {
          this.state.commit([], { sent: pending.length });
          return this.follow({ eventIds }, pending, inFlight);
        }
        continue;
      }
      if (answer.kind === 'accepted') {
        inFlight.commandId = answer.commandId;
        this.state.commit([], { sent: pending.length }, { inFlight });
        return this.follow({ commandId: answer.commandId }, pending, inFlight);
      }
      if (answer.kind === 'busy') {
        busySince ??= Date.now();
        if (Date.now() - busySince > this.options.busyTimeoutMs) {
          throw new CliError(`The engine still refuses a new command after ${Math.round(this.options.busyTimeoutMs / 1000)} s: ${answer.description}`);
        }
        await sleep(backoffDelay(busyTries++, this.options.retry.baseDelayMs, this.options.retry.maxDelayMs));
        continue;
      }
      const { kept, rejected } = splitRejected(pending, answer.errors);
      inFlight.excluded.push(...rejected.map((r) => r.record.index));
      this.state.commit(rejected.map((r) => errorEntry(r.record, 'accept', 'rejected', r.error)), { rejected: rejected.length }, { inFlight });
      pending = kept;
    }
    this.state.commit([], {}, { done: inFlight.to, inFlight: null });
  }

  /** The eventIds of these records if the engine already holds every one of them (the command was accepted), else null. */
  private async acceptedEventIds(records: InputRecord[]): Promise<string[] | null> {
    const ids = records.map((r) => eventIdOf(r.item));
    if (ids.length === 0 || ids.some((id) => id === null)) return null;
    const unique = [...new Set(ids as string[])];
    const found = await this.api.eventsById(unique);
    return found.length === unique.length ? unique : null;
  }

  /** Waits until none of the command's events is pending, then records their outcomes. */
  private async follow(target: Target, records: InputRecord[], inFlight: InFlightCommand): Promise<void> {
    let delay = POLL_FIRST_MS;
    let events: EventOutcome[];
    for (;;) {
      events = 'commandId' in target ? await this.api.eventsOfCommand(target.commandId) : await this.api.eventsById(target.eventIds);
      const complete = 'commandId' in target ? events.length > 0 : events.length === target.eventIds.length;
      if (complete && events.every((e) => e.state !== 'pending')) break;
      await sleep(delay);
      delay = Math.min(delay * 2, POLL_MAX_MS);
    }
    const recordOf = new Map<string, InputRecord>();
    for (const r of records) {
      const id = eventIdOf(r.item);
      if (id !== null && !recordOf.has(id)) recordOf.set(id, r);
    }
    const entries: ErrorEntry[] = [];
    let processed = 0;
    let points = new Decimal(0);
    for (const e of events) {
      if (e.state === 'processed') {
        processed++;
        points = points.plus(e.points ?? '0');
        continue;
      }
      const record = recordOf.get(e.eventId);
      const state = e.state === 'failed' ? 'failed' : e.state === 'cancelled' ? 'cancelled' : 'rejected';
      entries.push(record ? errorEntry(record, 'process', state, e.error ?? state) : { line: 0, eventId: e.eventId, stage: 'process', state, error: e.error ?? state, event: null });
    }
    const failed = entries.filter((e) => e.state === 'failed').length;
    this.state.commit(entries, { processed, rejected: entries.length - failed, failed, points: points.toFixed() }, { done: inFlight.to, inFlight: null });
    this.lastFinished = Date.now();
  }

  private async pace(): Promise<void> {
    if (this.lastFinished === 0) return;
    const wait = this.lastFinished + this.options.pauseMs - Date.now();
    if (wait > 0) await sleep(wait);
  }
}
