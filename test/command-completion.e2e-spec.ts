import { getQueueToken } from '@nestjs/bull';
import { Queue } from 'bull';
import { Logger } from '@nestjs/common';
import { QueryRunner } from 'typeorm';
import { QUEUES } from '../src/common/queue/queues';
import { CommandCompletionService } from '../src/modules/customer-events/command-completion.service';
import { PendingEventsReconciler } from '../src/modules/customer-events/processing/pending-events-reconciler.service';
import { EventProcessingService } from '../src/modules/customer-events/processing/event-processing.service';
import { commandEvent, createRule, purchaseRule, sendCommand } from './support/command-events';
import { createClient, createTestApp, TestContext } from './support/test-app';

/**
 * The chunks of one loadCustomerEventsExt command run on different partitions at the same time.
 * Only the chunk that leaves nothing pending touches the command's run, after its own commit.
 */
describe('Finishing a command whose events several chunks process', () => {
  const HELD_MS = 8000;
  let ctx: TestContext;
  let processing: EventProcessingService;
  let events: Queue;
  let apiKey: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    processing = ctx.app.get(EventProcessingService);
    events = ctx.app.get<Queue>(getQueueToken(QUEUES.events));
    await events.pause(); // this test applies the chunks itself
    await createRule(ctx, purchaseRule('10'));
    apiKey = await createClient(ctx);
    // A subscriber (nobody listens there): the run's command.finished is recorded in the outbox.
    await ctx.http().post('/admin/webhooks').set('X-Api-Key', ctx.adminKey)
      .send({ url: 'http://127.0.0.1:9/hooks', events: ['command.finished'] }).expect(201);
    await ctx.app.get<Queue>(getQueueToken(QUEUES.webhooks)).pause();
    await ctx.app.get<Queue>(getQueueToken(QUEUES.maintenance)).pause(true); // the tests run the reconciler themselves
  });
  afterAll(async () => {
    await events.resume();
    await ctx.app.get<Queue>(getQueueToken(QUEUES.webhooks)).resume();
    await ctx.app.get<Queue>(getQueueToken(QUEUES.maintenance)).resume(true);
    await ctx.app.close();
  });

  /** A command of three events, each its own chunk; returns its id and its events' ids in order. */
  const acceptCommand = async (): Promise<{ commandId: string; eventIds: string[] }> => {
    const res = await sendCommand(ctx, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent(), commandEvent(), commandEvent()] }).expect(200);
    const rows: Array<{ id: string }> = await ctx.dataSource.query('SELECT id FROM customer_events WHERE command_id = ? ORDER BY number', [res.body.commandId]);
    return { commandId: res.body.commandId, eventIds: rows.map((r) => r.id) };
  };

  /** Another transaction holding the run's row, as a chunk finishing the command does until its commit. */
  const holdRun = async (commandId: string): Promise<QueryRunner> => {
    const runner = ctx.dataSource.createQueryRunner();
    await runner.startTransaction('READ COMMITTED');
    await runner.query('SELECT id FROM command_runs WHERE id = ? FOR UPDATE', [commandId]);
    return runner;
  };

  const runState = async (commandId: string) => (await ctx.dataSource.query('SELECT state FROM command_runs WHERE id = ?', [commandId]))[0].state;
  const ofCommand = "type = 'command.finished' AND JSON_CONTAINS(data, JSON_OBJECT('commandId', ?))";
  const finishedMessages = async (commandId: string) => Number((await ctx.dataSource.query(
    `SELECT COUNT(*) AS n FROM webhook_messages WHERE ${ofCommand}`, [commandId],
  ))[0].n);

  it('processes a chunk that leaves events of its command pending without waiting on the run', async () => {
    const { commandId, eventIds } = await acceptCommand();
    const held = await holdRun(commandId);
    const release = setTimeout(() => void held.rollbackTransaction(), HELD_MS);
    try {
      const started = Date.now();
      await processing.processChunk([eventIds[0]]);
      expect(Date.now() - started).toBeLessThan(HELD_MS / 2);
      await processing.processChunk([eventIds[1]]);
      expect(Date.now() - started).toBeLessThan(HELD_MS / 2);
    } finally {
      clearTimeout(release);
      if (held.isTransactionActive) await held.rollbackTransaction();
      await held.release();
    }
    const states = await ctx.dataSource.query('SELECT state FROM customer_events WHERE command_id = ? ORDER BY number', [commandId]);
    expect(states.map((r: { state: string }) => r.state)).toEqual(['processed', 'processed', 'pending']);
    expect(await runState(commandId)).not.toBe('done');

    await processing.processChunk([eventIds[2]]);
    expect(await runState(commandId)).toBe('done');
    expect(await finishedMessages(commandId)).toBe(1);
  });

  it('finishes the command once when its last chunks commit together', async () => {
    const { commandId, eventIds } = await acceptCommand();
    await Promise.all(eventIds.map((id) => processing.processChunk([id])));
    expect(await runState(commandId)).toBe('done');
    expect(await finishedMessages(commandId)).toBe(1);
  });

  it('does not wait on the run lock of a chunk that is finishing the same command, and the run still ends', async () => {
    const { commandId, eventIds } = await acceptCommand();
    await processing.processChunk(eventIds.slice(0, 2));
    const held = await holdRun(commandId);
    // InnoDB's own count (INNODB_TRX is a cache refreshed every 100 ms and misses short waits).
    const lockWaits = async () => Number((await ctx.dataSource.query("SHOW GLOBAL STATUS LIKE 'Innodb_row_lock_waits'"))[0].Value);
    const processed = async () => (await ctx.dataSource.query('SELECT state FROM customer_events WHERE id = ?', [eventIds[2]]))[0].state === 'processed';
    const before = await lockWaits();
    const last = processing.processChunk([eventIds[2]]);
    while (!(await processed())) await new Promise((r) => setTimeout(r, 1));
    // The last chunk has committed and goes for the run: the other chunk's transaction stays open 15 ms more.
    await new Promise((r) => setTimeout(r, 15));
    const whileHeld = await lockWaits();
    await held.rollbackTransaction();
    await held.release();
    await last;
    expect(whileHeld - before).toBe(0);
    expect(await runState(commandId)).toBe('done');
    expect(await finishedMessages(commandId)).toBe(1);
  });

  it('keeps a chunk final when finishing its command fails after the commit, and leaves the run to the reconciler', async () => {
    const { commandId, eventIds } = await acceptCommand();
    const completion = ctx.app.get(CommandCompletionService);
    const read = jest.spyOn(completion, 'withPendingEvents').mockRejectedValueOnce(new Error('connection lost'));
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const error = jest.spyOn(Logger.prototype, 'error');
    try {
      await processing.processChunk(eventIds);
      const warnings = warn.mock.calls.map(([, message]) => message);
      expect(warnings).toContain('Commands not finished after their last chunk; the reconciler will finish them');
      expect(warnings).not.toContain('Chunk failed; processing its events one by one');
      expect(error.mock.calls.map(([, message]) => message)).not.toContain('Event could not be processed');
    } finally {
      read.mockRestore();
      warn.mockRestore();
      error.mockRestore();
    }
    const states = await ctx.dataSource.query('SELECT state FROM customer_events WHERE command_id = ?', [commandId]);
    expect(states.map((r: { state: string }) => r.state)).toEqual(['processed', 'processed', 'processed']);
    expect(await runState(commandId)).not.toBe('done');

    expect(await ctx.app.get(PendingEventsReconciler).finishIdleRuns()).toBe(1);
    expect(await runState(commandId)).toBe('done');
    expect(await finishedMessages(commandId)).toBe(1);
  });

  it('reports a run the next command finishes, when its worker died before finishing it', async () => {
    const { commandId, eventIds } = await acceptCommand();
    await processing.processChunk(eventIds);
    // As if the worker died between the chunk's commit and finishing the run.
    await ctx.dataSource.query("UPDATE command_runs SET state = 'processing', finished_at = NULL WHERE id = ?", [commandId]);
    await ctx.dataSource.query(`DELETE FROM webhook_messages WHERE ${ofCommand}`, [commandId]);
    expect(await finishedMessages(commandId)).toBe(0);

    await acceptCommand();
    expect(await runState(commandId)).toBe('done');
    expect(await finishedMessages(commandId)).toBe(1);
  });
});
