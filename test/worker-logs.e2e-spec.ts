import { getQueueToken } from '@nestjs/bull';
import { Queue } from 'bull';
import { JOBS, QUEUES } from '../src/common/queue/queues';
import { commandEvent, sendCommand } from './support/command-events';
import { AppProcess, startAppProcess } from './support/app-process';
import { PrivateRedis, startPrivateRedis } from './support/redis-server';
import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';

/** ROLE=worker in its own process, on a Redis of its own that the test can take down. */
describe('Worker logs', () => {
  let redis: PrivateRedis;
  let api: TestContext;
  let worker: AppProcess | undefined;

  const logged = (msg: string) => worker!.logLines().filter((line) => line.msg === msg);

  beforeAll(async () => {
    redis = await startPrivateRedis();
    api = await createTestApp({ ROLE: 'api', REDIS_PORT: String(redis.port) });
  });
  afterAll(async () => {
    if (redis) await redis.restart();
    await worker?.stop();
    await api?.app.close();
    await redis?.stop();
  });

  it('writes JSON logs: every event marked failed, every failed job, and Redis errors without unhandled error events', async () => {
    const apiKey = await createClient(api);
    const accepted = await sendCommand(api, apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent({ eventId: 'will-fail' })] }).expect(200);
    // An event the processor cannot read at all (no date): it must end as failed, and say so in the log.
    await api.dataSource.query("UPDATE customer_events SET attributes = '{}' WHERE command_id = ?", [accepted.body.commandId]);
    const [{ id: eventId }] = await api.dataSource.query('SELECT id FROM customer_events WHERE command_id = ?', [accepted.body.commandId]);
    const events: Queue = api.app.get(getQueueToken(QUEUES.events));
    const broken = await events.add(JOBS.processEvents, { eventIds: null });

    worker = await startAppProcess({ ROLE: 'worker', REDIS_PORT: String(redis.port) });
    await waitFor(async () => logged('Nest application successfully started').length > 0, 20000, 'the start-up log line');

    const [failedEvent] = await waitFor(async () => logged('Event could not be processed').length > 0 && logged('Event could not be processed'), 30000, 'the failed event log line');
    expect(failedEvent).toMatchObject({ level: 50, eventId, err: { message: expect.stringContaining('Invalid performedOn') } });
    const [{ state }] = await api.dataSource.query('SELECT state FROM customer_events WHERE id = ?', [eventId]);
    expect(state).toBe('failed');

    const [failedJob] = await waitFor(async () => logged('Job failed').length > 0 && logged('Job failed'), 30000, 'the failed job log line');
    expect(failedJob).toMatchObject({ level: 50, context: 'Queues', queue: QUEUES.events, job: JOBS.processEvents, jobId: String(broken.id), err: expect.any(Object) });

    await redis.kill();
    await waitFor(async () => worker!.logLines().some((line) => line.level === 40 && /Redis/.test(String(line.msg))), 20000, 'a Redis error log line');
    await new Promise((resolve) => setTimeout(resolve, 3000)); // several reconnect attempts
    expect(worker.output()).not.toContain('Unhandled error event');
    const redisWarnings = worker.logLines().filter((line) => line.level === 40 && /Redis/.test(String(line.msg)));
    expect(redisWarnings.length).toBeLessThanOrEqual(10);
    const plainLines = worker.output().split('\n').filter((line) => line && !line.startsWith('{'));
    expect(plainLines.filter((line) => /ioredis|Error|^\s+at /.test(line))).toEqual([]);
  });
});
