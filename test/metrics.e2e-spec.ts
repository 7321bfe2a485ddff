import { readFileSync } from 'fs';
import * as path from 'path';
import { QUEUES } from '../src/common/queue/queues';
import { commandEvent, createRule, purchaseRule, sendCommand, waitForCommand } from './support/command-events';
import { metricValue } from './support/prometheus';
import { createClient, createTestApp, TestContext } from './support/test-app';

const METRICS_TOKEN = 'scraper-token-for-tests';

describe('Prometheus metrics at GET /metrics', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp({ METRICS_TOKEN });
  });
  afterAll(() => ctx.app.close());

  const scrape = async () => (await ctx.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;

  it('counts 100 processed events exactly: accepted, finished, lag, points and rule awards', async () => {
    const apiKey = await createClient(ctx);
    const ruleId = await createRule(ctx, purchaseRule('10'));
    const before = await scrape();

    const res = await sendCommand(ctx, apiKey, {
      typeOfCommand: 'loadCustomerEventsExt', events: Array.from({ length: 100 }, () => commandEvent()),
    }).expect(200);
    const events = await waitForCommand(ctx, apiKey, res.body.commandId);
    expect(events.filter((e) => e.state === 'processed')).toHaveLength(100);
    const after = await scrape();

    const moved = (name: string, labels: Record<string, string> = {}) => metricValue(after, name, labels) - metricValue(before, name, labels);
    expect(moved('bonus_events_accepted_total', { source: 'command', type: 'operation' })).toBe(100);
    expect(moved('bonus_events_finished_total', { state: 'processed' })).toBe(100);
    expect(moved('bonus_events_finished_total', { state: 'rejected' })).toBe(0);
    expect(moved('bonus_event_lag_seconds_count')).toBe(100);
    expect(moved('bonus_event_lag_seconds_bucket', { le: '600' })).toBe(100);
    expect(moved('bonus_points_total', { operation: 'accrual', direction: 'credit' })).toBe(1000);
    expect(moved('bonus_rule_awards_total', { rule_id: ruleId })).toBe(100);
    expect(moved('bonus_rule_points_total', { rule_id: ruleId })).toBe(1000);
    expect(metricValue(after, 'bonus_events_pending')).toBe(0);
    expect(moved('http_requests_total', { method: 'POST', route: '/api/commands', status: '200' })).toBeGreaterThanOrEqual(1);
  });

  it('shows the depth of every queue in every state, and the process figures', async () => {
    const text = await scrape();
    for (const queue of Object.values(QUEUES)) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) {
        expect(text).toMatch(new RegExp(`^bonus_queue_jobs\\{queue="${queue}",state="${state}"\\} \\d+$`, 'm'));
      }
    }
    for (const name of ['nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes', 'process_resident_memory_bytes']) {
      expect(text).toMatch(new RegExp(`^${name} `, 'm'));
    }
    expect(text).toContain('# TYPE bonus_event_lag_seconds histogram');
    expect(text).toMatch(/^bonus_event_lag_seconds_bucket\{le="0.01"\} /m);
  });

  it('serves every metric the sample Grafana dashboard queries', async () => {
    const dashboard = readFileSync(path.resolve(__dirname, '../ops/grafana/bonus-engine-dashboard.json'), 'utf8');
    const queried = new Set(dashboard.match(/\b(?:bonus|http|process|nodejs)_[a-z0-9_]+/g));
    expect(queried.size).toBeGreaterThan(8);
    const text = await scrape();
    for (const name of queried) expect(text).toMatch(new RegExp(`^${name}[{ ]`, 'm'));
  });

  it('labels requests by route template, not by the path asked for', async () => {
    await ctx.http().get('/admin/accounts/ACR0000000001').set('X-Api-Key', ctx.adminKey);
    const text = await scrape();
    expect(metricValue(text, 'http_requests_total', { method: 'GET', route: '/admin/accounts/:number' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('ACR0000000001');
  });

  it('answers 401 without a credential, with a wrong token or with an integrator key, and 200 with the admin key', async () => {
    const integratorKey = await createClient(ctx);
    const unauthorized = { statusCode: 401, error: 'Unauthorized', message: 'Metrics need an admin API key or the metrics bearer token' };
    expect((await ctx.http().get('/metrics').expect(401)).body).toEqual(unauthorized);
    await ctx.http().get('/metrics').set('Authorization', 'Bearer not-the-token').expect(401);
    await ctx.http().get('/metrics').set('X-Api-Key', integratorKey).expect(401);
    const res = await ctx.http().get('/metrics').set('X-Api-Key', ctx.adminKey).expect(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  });
});

describe('a worker process over HTTP', () => {
  let worker: TestContext;

  beforeAll(async () => {
    worker = await createTestApp({ ROLE: 'worker', METRICS_TOKEN });
  });
  afterAll(() => worker.app.close());

  it('serves /health and /metrics, and nothing of the APIs', async () => {
    await worker.http().get('/health').expect(200);
    const metrics = await worker.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(metrics.text).toContain('bonus_queue_jobs{');
    await worker.http().get('/metrics').expect(401);
    const api = await worker.http().post('/api/commands').set('X-Api-Key', worker.adminKey).send({ typeOfCommand: 'getBalanceCustomersExt', customers: [] });
    expect(api.status).toBe(404);
    await worker.http().get('/docs').expect(404);
    await worker.http().get('/admin/queues').set('X-Api-Key', worker.adminKey).expect(404);
    await worker.http().get('/admin/clients').set('X-Api-Key', worker.adminKey).expect(404);
  });
});
