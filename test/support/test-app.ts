import { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import { AddressInfo } from 'net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApplication } from '../../src/bootstrap';
import { AppConfig } from '../../src/config';
import { ApiClientsService } from '../../src/modules/api-clients/api-clients.service';
import { RuleCache } from '../../src/modules/rewards-rules/rule-cache';
import { testConfig } from './test-config';

export interface TestContext {
  app: INestApplication;
  config: AppConfig;
  dataSource: DataSource;
  http: () => ReturnType<typeof request>;
  adminKey: string;
}

/** The real application (ROLE=all: HTTP and processors) on the test database and Redis. */
export async function createTestApp(overrides: Record<string, string> = {}, options: { reset?: boolean } = {}): Promise<TestContext> {
  const config = testConfig(overrides);
  const reset = options.reset ?? true;
  if (reset) await clearQueues(config);
  const app = await createApplication(config);
  await app.init();
  const dataSource = app.get(DataSource);
  if (reset) {
    await resetDatabase(dataSource);
    await app.get(RuleCache).refresh(); // loaded at start, before the reset: forget the previous suite's rules
  }
  await app.get(ApiClientsService).ensureAdminClient();
  return { app, config, dataSource, http: () => request(app.getHttpServer()), adminKey: config.adminApiKey };
}

/** Serves the test app on a free local port (for clients outside the process) and returns its base URL. */
export async function listenOnFreePort(ctx: TestContext): Promise<string> {
  await ctx.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`;
}

/** Empties every table but the migrations. */
export async function resetDatabase(dataSource: DataSource): Promise<void> {
  const tables: Array<{ name: string }> = await dataSource.query(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'migrations'",
  );
  await dataSource.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const { name } of tables) await dataSource.query(`TRUNCATE TABLE \`${name}\``);
  await dataSource.query('SET FOREIGN_KEY_CHECKS = 1');
}

/** Removes every Bull key of the test prefix. */
export async function clearQueues(config: AppConfig): Promise<void> {
  const redis = new Redis({ host: config.redis.host, port: config.redis.port, db: config.redis.db });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.queuePrefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Creates an API client through the admin API and returns its key. */
export async function createClient(ctx: TestContext, role: 'integrator' | 'admin' = 'integrator', name = 'Test integrator'): Promise<string> {
  const res = await ctx.http().post('/admin/clients').set('X-Api-Key', ctx.adminKey).send({ name, role }).expect(201);
  return res.body.apiKey;
}

/** Polls until `check` returns a truthy value (background processing), or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 20000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
