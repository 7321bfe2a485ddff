import { execFile } from 'child_process';
import { randomUUID } from 'crypto';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { Answer, DB_NAME, EngineProcess } from './support/engine';
import { PrivateMariaDb, PrivateRedis, until } from './support/private-stack';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/** A loadCustomerEventsExt purchase of 50–62 that earns floor(2 %) = 1 point under the suite's rule. */
function purchase(i: number): Record<string, unknown> {
  return {
    customerId: randomUUID().toUpperCase(), eventId: randomUUID(), eventDate: '2025-03-01T12:00:00+03', eventType: 'operation',
    operationType: 'purchase', operationAmount: 50 + (i % 13), operationCurrencyRate: 1, merchantId: 123456, terminalId: 123456, merchantName: 'TSUM',
  };
}

interface Client {
  id: string;
  key: string;
}

describe('Faults on a private MariaDB and Redis', () => {
  let db: PrivateMariaDb;
  let redis: PrivateRedis;
  let logDir: string;
  let api: EngineProcess;
  let worker: EngineProcess;

  const stack = () => ({ db, redis, logDir });
  const sql = <T = Array<Record<string, string>>>(query: string, params: unknown[] = []) => db.query<T>(query, params, DB_NAME);

  async function newClient(name: string): Promise<Client> {
    const res = await api.admin('POST', '/admin/clients', { name, role: 'integrator' });
    expect(res.status).toBe(201);
    return { id: String(res.body.id), key: String(res.body.apiKey) };
  }

  /** 1000-event loadCustomerEventsExt commands, one per client (the single in-flight rule is per client). */
  async function ingest(name: string, commands: number): Promise<Client[]> {
    const clients: Client[] = [];
    for (let c = 0; c < commands; c++) {
      const client = await newClient(`${name} ${c}`);
      const res = await api.command(client.key, { typeOfCommand: 'loadCustomerEventsExt', events: Array.from({ length: 1000 }, (_, i) => purchase(i)) });
      expect(res.status).toBe(200);
      clients.push(client);
    }
    return clients;
  }

  const countEvents = async (clients: Client[], condition: string) =>
    Number((await sql(`SELECT COUNT(*) AS n FROM customer_events WHERE client_id IN (?) AND ${condition}`, [clients.map((c) => c.id)]))[0].n);

  /** Every event processed, with exactly one accrual line each (50–62 at 2 %: one point). */
  async function expectProcessedOnce(clients: Client[], events: number): Promise<void> {
    expect(await countEvents(clients, "state = 'processed'")).toBe(events);
    const [accruals] = await sql(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT o.event_id) AS events, SUM(o.points) AS total
         FROM bonus_operations o JOIN customer_events e ON e.id = o.event_id
        WHERE e.client_id IN (?) AND o.type = 'accrual'`,
      [clients.map((c) => c.id)],
    );
    expect(accruals).toEqual({ n: String(events), events: String(events), total: `${events}.00` });
  }

  async function expectSoundLedger(): Promise<void> {
    const env = { ...process.env, DB_HOST: '127.0.0.1', DB_PORT: String(db.port), DB_USER: 'root', DB_PASSWORD: '', DB_NAME };
    const { stdout } = await run('npm', ['run', '--silent', 'check:ledger', '--', '--json'], { cwd: ROOT, env }).catch((error) => error);
    expect(JSON.parse(stdout).findings).toEqual([]);
  }

  beforeAll(async () => {
    logDir = mkdtempSync(path.join(tmpdir(), 'bonus-faults-logs-'));
    [db, redis] = await Promise.all([PrivateMariaDb.start(), PrivateRedis.start()]);
    api = await EngineProcess.api(stack());
    worker = await EngineProcess.worker(stack());
    const rule = await api.admin('POST', '/admin/rules', {
      name: '2% back', active: true, priority: 10, validFrom: null, validTo: null,
      when: { eventTypes: ['operation'], operationTypes: ['purchase'] }, award: { type: 'percent', percent: '2', rounding: 'floor' },
      limits: null, expiresInDays: 365, exclusive: false,
    });
    expect(rule.status).toBe(201);
  }, 180000);

  afterAll(async () => {
    await Promise.all([api?.kill(), worker?.kill()]);
    await Promise.all([redis?.kill(), db?.destroy()]);
    process.stdout.write(`Engine logs of the fault suite: ${logDir}\n`);
  });

  it('kill -9 of the worker during a 5,000-event drain loses nothing and doubles nothing', async () => {
    await worker.kill();
    const clients = await ingest('Drain', 5);
    worker = await EngineProcess.worker(stack());
    const atKill = await until(async () => {
      const n = await countEvents(clients, "state <> 'pending'");
      return n >= 500 ? n : null;
    }, 120000, 'the worker to start draining');
    await worker.kill();
    expect(atKill).toBeLessThan(5000);

    worker = await EngineProcess.worker(stack());
    await until(async () => (await countEvents(clients, "state = 'pending'")) === 0, 180000, 'the drain to finish');
    await expectProcessedOnce(clients, 5000);
    await expectSoundLedger();
  }, 360000);

  it('a Redis restart mid-drain: calls answered within 2 s, everything processed within 60 s, no process restarted', async () => {
    await worker.kill();
    const clients = await ingest('Redis restart', 5);
    const late = await newClient('During the Redis outage');
    worker = await EngineProcess.worker(stack());
    const pids = [api.pid, worker.pid];
    await until(async () => (await countEvents(clients, "state <> 'pending'")) >= 500, 120000, 'the worker to start draining');

    await redis.kill();
    const during: Answer[] = [];
    during.push(await api.command(late.key, { typeOfCommand: 'loadCustomerEventsExt', events: Array.from({ length: 10 }, (_, i) => purchase(i)) }));
    during.push(await api.command(late.key, { typeOfCommand: 'addBonusExtQuick', add: [{ amount: '3', uniqId: `redis-outage-${randomUUID()}`, eventId: randomUUID() }] }));
    during.push(await api.command(late.key, { typeOfCommand: 'getBalanceCustomersExt', customers: [{ uniqId: 'nobody' }] }));
    for (const answer of during) {
      expect(answer.ms).toBeLessThan(2000);
      expect([200, 503]).toContain(answer.status);
    }
    await redis.up();
    const restarted = Date.now();

    await until(async () => (await countEvents([...clients, late], "state = 'pending'")) === 0, 60000, 'every event to be processed');
    await until(async () => Number((await sql("SELECT COUNT(*) AS n FROM command_runs WHERE state <> 'done'"))[0].n) === 0, 60000 - (Date.now() - restarted), 'every command to finish');
    expect(Date.now() - restarted).toBeLessThan(60000);
    expect([api.pid, worker.pid]).toEqual(pids);
    expect(api.alive && worker.alive).toBe(true);

    await expectProcessedOnce(clients, 5000);
    if (during[0].status === 200) await expectProcessedOnce([late], 10);
    await expectSoundLedger();
  }, 360000);

  it('a MariaDB restart mid-ingest: 503 with Retry-After during the outage, recovery afterwards, nothing half-stored', async () => {
    const clients: Client[] = [];
    for (let c = 0; c < 80; c++) clients.push(await newClient(`MariaDB restart ${c}`));
    const answers: Array<Answer & { phase: 'before' | 'outage' | 'after' }> = [];
    let phase: 'before' | 'outage' | 'after' = 'before';
    let next = 0;
    const send = async () => {
      const client = clients[next++];
      const answer = await api.command(client.key, { typeOfCommand: 'loadCustomerEventsExt', events: Array.from({ length: 200 }, (_, i) => purchase(i)) }, 30000);
      answers.push({ ...answer, phase });
    };

    await send();
    await send();
    await db.kill();
    phase = 'outage';
    for (const stop = Date.now() + 4000; Date.now() < stop; ) {
      await send();
      await new Promise((r) => setTimeout(r, 250));
    }
    await db.up();
    phase = 'after';
    await until(async () => {
      await send();
      return answers[answers.length - 1].status === 200;
    }, 60000, 'a call to succeed after the restart');

    for (const answer of answers) expect([200, 503]).toContain(answer.status);
    const outage = answers.filter((a) => a.phase === 'outage');
    expect(outage.length).toBeGreaterThan(0);
    for (const answer of outage) {
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe('5');
      expect(answer.body).toMatchObject({ status: 'Failure', error: { typeOfError: 'serviceUnavailable' } });
    }

    const used = clients.slice(0, next);
    const accepted = answers.filter((a) => a.status === 200).map((a) => String(a.body.commandId));
    const stored: Array<{ commandId: string; n: string }> = await sql(
      'SELECT command_id AS commandId, COUNT(*) AS n FROM customer_events WHERE client_id IN (?) GROUP BY command_id', [used.map((c) => c.id)],
    );
    for (const command of stored) expect(command.n).toBe('200');
    expect(stored.map((s) => s.commandId)).toEqual(expect.arrayContaining(accepted));

    await until(async () => (await countEvents(used, "state = 'pending'")) === 0, 180000, 'the ingested events to be processed');
    await expectProcessedOnce(used, stored.length * 200);
    await expectSoundLedger();
  }, 360000);
});
