import { Logger } from '@nestjs/common';
import { execFile, spawn } from 'child_process';
import { createHash } from 'crypto';
import * as path from 'path';
import { promisify } from 'util';
import { clearQueues, createClient, createTestApp, TestContext, waitFor } from './support/test-app';
import { testConfig } from './support/test-config';

const run = promisify(execFile);

describe('Foundation: auth, envelopes, health, docs', () => {
  let ctx: TestContext;
  let integratorKey: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    integratorKey = await createClient(ctx);
  });
  afterAll(() => ctx.app.close());

  describe('Command API envelope', () => {
    it('answers 401 unauthorized without a key', async () => {
      const res = await ctx.http().post('/api/commands').send({ typeOfCommand: 'getBalanceCustomersExt' });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ status: 'Failure', error: { typeOfError: 'unauthorized', description: 'Missing or invalid API key' } });
    });

    it('answers 401 unauthorized with a wrong key', async () => {
      const res = await ctx.http().post('/api/commands').set('X-Api-Key', 'nope').send({ typeOfCommand: 'x' });
      expect(res.status).toBe(401);
      expect(res.body.error.typeOfError).toBe('unauthorized');
    });

    it('answers 400 wrongFormat to malformed JSON', async () => {
      const res = await ctx.http().post('/api/commands').set('X-Api-Key', integratorKey)
        .set('Content-Type', 'application/json').send('{"typeOfCommand":"loadCustomerEventsExt","events":[{"a":1,}]}');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ status: 'Failure', error: { typeOfError: 'wrongFormat', description: 'The request body is not valid JSON' } });
    });

    it('answers 400 wrongFormat when the body is not an object', async () => {
      const res = await ctx.http().post('/api/commands').set('X-Api-Key', integratorKey).send([1, 2]);
      expect(res.status).toBe(400);
      expect(res.body.error.typeOfError).toBe('wrongFormat');
    });

    it('answers 400 unknownCommand to an unknown typeOfCommand', async () => {
      const res = await ctx.http().post('/api/commands').set('X-Api-Key', integratorKey).send({ typeOfCommand: 'makeCoffee' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ status: 'Failure', error: { typeOfError: 'unknownCommand', description: 'Unknown command makeCoffee' } });
    });

    it('answers 413 in the Command API style to a 20 MB body', async () => {
      const res = await ctx.http().post('/api/commands').set('X-Api-Key', integratorKey).set('Content-Type', 'application/json')
        .send(`{"typeOfCommand":"loadCustomerEventsExt","pad":"${'x'.repeat(20 * 1024 * 1024)}"}`);
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ status: 'Failure', error: { typeOfError: 'wrongFormat', description: 'The request body is too large' } });
    });
  });

  describe('CRM API envelope', () => {
    it('logs in with an API key and returns a token with its expiry', async () => {
      const res = await ctx.http().post('/crm/login').send({ api_key: integratorKey }).expect(200);
      expect(res.body.status).toEqual({ code: 'OK', description: '', message: '' });
      expect(typeof res.body.data.token).toBe('string');
      const ttl = Date.parse(res.body.data.expiration_date) - Date.now();
      expect(ttl).toBeGreaterThan(3500 * 1000);
      expect(ttl).toBeLessThanOrEqual(3600 * 1000);
      const [row] = await ctx.dataSource.query('SELECT token_hash FROM crm_tokens');
      expect(row.token_hash).toBe(createHash('sha256').update(res.body.data.token).digest('hex'));
    });

    it('answers 401 InvalidTokenException to a bad key at login', async () => {
      const login = await ctx.http().post('/crm/login').send({ api_key: 'wrong' });
      expect(login.status).toBe(401);
      expect(login.body.data).toBeNull();
      expect(login.body.status.code).toBe('InvalidTokenException');
    });

    it('answers an unknown CRM route in the CRM envelope', async () => {
      const res = await ctx.http().post('/crm/no_such_thing').send({});
      expect(res.status).toBe(404);
      expect(res.body.data).toBeNull();
      expect(res.body.status.code).toBe('NotFoundAPIValueException');
    });

    it('answers 400 InvalidValueException to malformed JSON and 413 to a 20 MB body', async () => {
      const bad = await ctx.http().post('/crm/login').set('Content-Type', 'application/json').send('{"api_key":');
      expect(bad.status).toBe(400);
      expect(bad.body).toEqual({ data: null, status: { code: 'InvalidValueException', description: 'The request body is not valid JSON', message: 'The request body is not valid JSON' } });
      const big = await ctx.http().post('/crm/login').set('Content-Type', 'application/json').send(`{"pad":"${'x'.repeat(20 * 1024 * 1024)}"}`);
      expect(big.status).toBe(413);
      expect(big.body.status.code).toBe('RequestTooLargeException');
    });
  });

  describe('Admin API', () => {
    it('answers 403 to an integrator key and 401 without a key', async () => {
      const forbidden = await ctx.http().get('/admin/clients').set('X-Api-Key', integratorKey);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'This endpoint needs an admin API key' });
      const anonymous = await ctx.http().get('/admin/clients');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.statusCode).toBe(401);
    });

    it('answers 413 in plain REST JSON to a 20 MB body', async () => {
      const res = await ctx.http().post('/admin/clients').set('X-Api-Key', ctx.adminKey).set('Content-Type', 'application/json')
        .send(`{"name":"${'x'.repeat(20 * 1024 * 1024)}"}`);
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'The request body is too large' });
    });

    it('validates bodies with a 400 and the reason', async () => {
      const res = await ctx.http().post('/admin/clients').set('X-Api-Key', ctx.adminKey).send({ name: 'x', role: 'root' });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('role must be one of the following values');
    });

    it('stores API keys hashed, shows a key once, and revokes a deleted client', async () => {
      const created = await ctx.http().post('/admin/clients').set('X-Api-Key', ctx.adminKey).send({ name: 'POS', role: 'integrator' }).expect(201);
      const { apiKey, id } = created.body;
      expect(apiKey).toMatch(/^be_[A-Za-z0-9_-]{43}$/);
      const rows: Array<Record<string, unknown>> = await ctx.dataSource.query('SELECT * FROM api_clients WHERE id = ?', [id]);
      expect(JSON.stringify(rows)).not.toContain(apiKey);
      expect(rows[0].key_hash).toBe(createHash('sha256').update(apiKey).digest('hex'));
      const list = await ctx.http().get('/admin/clients').set('X-Api-Key', ctx.adminKey).expect(200);
      expect(JSON.stringify(list.body)).not.toContain(apiKey);
      expect(list.body.map((c: { name: string }) => c.name)).toContain('POS');
      await ctx.http().delete(`/admin/clients/${id}`).set('X-Api-Key', ctx.adminKey).expect(204);
      await new Promise((r) => setTimeout(r, 10));
      const login = await ctx.http().post('/crm/login').send({ api_key: apiKey });
      expect(login.status).toBe(401);
    });
  });

  describe('Deeply nested bodies', () => {
    const deepArray = `${'['.repeat(10000)}${']'.repeat(10000)}`;
    const deepObject = `{"name":${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}}`;
    const message = 'The request body is nested deeper than 64 levels';
    const post = (route: string, key: string, body: string) =>
      ctx.http().post(route).set('X-Api-Key', key).set('Content-Type', 'application/json').send(body);

    it('answers 400 in plain REST JSON on every admin write route', async () => {
      const writes: Array<[string, string]> = [
        ['post', '/admin/clients'], ['post', '/admin/rules'], ['post', '/admin/rules/simulate'], ['patch', '/admin/rules/1'],
        ['post', '/admin/customers'], ['post', '/admin/accounts/ACR0000000001/adjustments'],
        ['post', '/admin/directories/merchant'], ['patch', '/admin/directories/merchant/1'], ['put', '/admin/directories/merchant/policy'],
      ];
      for (const [method, route] of writes) {
        for (const body of [deepArray, deepObject]) {
          const res = await ctx.http()[method as 'post'](route).set('X-Api-Key', ctx.adminKey).set('Content-Type', 'application/json').send(body);
          expect({ route, status: res.status, body: res.body }).toEqual({ route, status: 400, body: { statusCode: 400, error: 'Bad Request', message } });
        }
      }
    });

    it('answers 400 in the Command API and CRM envelopes', async () => {
      for (const body of [deepArray, deepObject]) {
        const command = await post('/api/commands', integratorKey, body);
        expect(command.status).toBe(400);
        expect(command.body).toEqual({ status: 'Failure', error: { typeOfError: 'wrongFormat', description: message } });
        const crm = await post('/crm/customer_events/bulk/web/create', integratorKey, body);
        expect(crm.status).toBe(400);
        expect(crm.body).toEqual({ data: null, status: { code: 'InvalidValueException', description: message, message } });
      }
    });

    it('still takes bodies nested as deep as the APIs need', async () => {
      const res = await post('/admin/rules/simulate', ctx.adminKey, JSON.stringify({ rules: [], event: { a: { b: { c: { d: [[[1]]] } } } } }));
      expect(res.status).not.toBe(500);
      expect(res.body.message).not.toBe(message);
    });
  });

  describe('Directories', () => {
    it('creates, lists, changes entries and sets the policy of a kind', async () => {
      const key = { 'X-Api-Key': ctx.adminKey };
      const merchant = await ctx.http().post('/admin/directories/businessUnit').set(key).send({ code: 'EK123456', name: 'Espresso Kiosk' }).expect(201);
      const outlet = await ctx.http().post('/admin/directories/businessUnit').set(key).send({ code: 'CD123456', parentCode: 'EK123456' }).expect(201);
      expect(outlet.body.parentId).toBe(merchant.body.id);
      const dup = await ctx.http().post('/admin/directories/businessUnit').set(key).send({ code: 'EK123456' });
      expect(dup.status).toBe(409);
      const patched = await ctx.http().patch(`/admin/directories/businessUnit/${merchant.body.id}`).set(key).send({ alternativeCode: 'EK' }).expect(200);
      expect(patched.body.alternativeCode).toBe('EK');
      const list = await ctx.http().get('/admin/directories/businessUnit').set(key).expect(200);
      expect(list.body.map((e: { code: string }) => e.code)).toEqual(['EK123456', 'CD123456']);
      await ctx.http().put('/admin/directories/customerType1/policy').set(key).send({ closed: true }).expect(200, { kind: 'customerType1', closed: true });
      const unknown = await ctx.http().get('/admin/directories/planet').set(key);
      expect(unknown.status).toBe(404);
    });
  });

  it('reports MariaDB and Redis in /health', async () => {
    const res = await ctx.http().get('/health').expect(200);
    expect(res.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves the OpenAPI document with both auth schemes and the envelopes', async () => {
    const res = await ctx.http().get('/docs-json').expect(200);
    expect(Object.keys(res.body.components.securitySchemes)).toEqual(expect.arrayContaining(['api-key', 'crm-token', 'crm-api-key']));
    expect(Object.keys(res.body.components.schemas)).toEqual(expect.arrayContaining(['CommandApiError', 'CrmApiError', 'AdminApiError']));
    expect(res.body.paths['/api/commands']).toBeDefined();
    expect(res.body.paths['/crm/login']).toBeDefined();
  });
});

describe('Start-up warning about the database settings', () => {
  const MESSAGES = ['MariaDB buffer pool is below the configured minimum', 'MariaDB redo log is below the configured minimum'];
  const startWarnings = async (minimumMb: string) => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const ctx = await createTestApp({ MIN_BUFFER_POOL_MB: minimumMb, MIN_REDO_LOG_MB: minimumMb }, { reset: false });
    await ctx.app.close();
    const calls = warn.mock.calls.filter(([, message]) => MESSAGES.includes(String(message)));
    warn.mockRestore();
    return calls.map(([fields]) => fields);
  };

  it('logs one JSON line for each setting below its minimum, naming it, its size and what to do, from a worker process', async () => {
    const config = testConfig({ QUEUE_PREFIX: `${testConfig().queuePrefix}_start` });
    const worker = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.resolve(__dirname, '../src/main.ts')], {
      env: {
        ...process.env, ROLE: 'worker', DB_NAME: config.db.name, QUEUE_PREFIX: config.queuePrefix, LOG_LEVEL: 'warn',
        MIN_BUFFER_POOL_MB: '16777216', MIN_REDO_LOG_MB: '16777216',
      },
    });
    let output = '';
    worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitFor(async () => output.includes('worker started') && output.split('ServerSizesCheck').length === 3, 60000, 'the worker to start');
    } finally {
      worker.kill('SIGKILL');
      await clearQueues(config);
    }
    const lines = output.split('\n').filter((line) => line.includes('ServerSizesCheck')).map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        msg: MESSAGES[0],
        setting: 'innodb_buffer_pool_size',
        currentMb: expect.any(Number),
        minimumMb: 16777216,
        action: expect.stringContaining('raise innodb_buffer_pool_size to at least 16777216 MiB'),
      }),
      expect.objectContaining({
        level: 40,
        msg: MESSAGES[1],
        setting: 'innodb_log_file_size',
        currentMb: expect.any(Number),
        minimumMb: 16777216,
        action: expect.stringContaining('raise innodb_log_file_size to at least 16777216 MiB'),
      }),
    ]);
  });

  it('stays silent when the sizes reach their minimums, and when the checks are off', async () => {
    expect(await startWarnings('1')).toEqual([]);
    expect(await startWarnings('0')).toEqual([]);
  });
});

describe('Start-up refusal', () => {
  const main = path.resolve(__dirname, '../src/main.ts');
  const start = (env: Record<string, string>) =>
    run(process.execPath, ['-r', 'ts-node/register/transpile-only', main], { env: { ...process.env, ...env }, timeout: 30000 })
      .then(() => ({ code: 0, stderr: '' }))
      .catch((e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }));

  it('exits with one line naming the host and port when MariaDB cannot be reached', async () => {
    const { code, stderr } = await start({ DB_PORT: '1', DB_NAME: 'bonus_engine_test' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Cannot reach MariaDB\/MySQL at 127\.0\.0\.1:1 \(ECONNREFUSED\)\n$/);
  });

  it('exits with one line naming the host and port when Redis cannot be reached', async () => {
    const { code, stderr } = await start({ REDIS_PORT: '1', DB_NAME: 'bonus_engine_test' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Cannot reach Redis at 127\.0\.0\.1:1 \(ECONNREFUSED\)\n$/);
  });

  it('exits with one line naming a bad variable', async () => {
    const { code, stderr } = await start({ ROLE: 'everything' });
    expect(code).toBe(1);
    expect(stderr).toBe('Invalid configuration: ROLE="everything" must be one of the following values: all, api, worker\n');
  });
});
