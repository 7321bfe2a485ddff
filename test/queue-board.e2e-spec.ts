import { getQueueToken } from '@nestjs/bull';
import { Job, Queue } from 'bull';
import { ENGINE_QUEUES, QUEUES } from '../src/common/queue/queues';
import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';

/** The board on an API-only process: its queues have no processor here, so jobs stay where the test puts them. */
describe('queue board at /admin/queues', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp({ ROLE: 'api' });
  });
  afterAll(() => ctx.app.close());

  const basic = (password: string) => `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`;

  it('asks a browser to log in, and refuses integrators and wrong keys', async () => {
    const anonymous = await ctx.http().get('/admin/queues').expect(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic realm="bonus-engine admin"/);
    expect(anonymous.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Missing or invalid API key' });
    const integratorKey = await createClient(ctx);
    await ctx.http().get('/admin/queues').set('X-Api-Key', integratorKey).expect(401);
    await ctx.http().get('/admin/queues').set('Authorization', basic(integratorKey)).expect(401);
    await ctx.http().get('/admin/queues').set('Authorization', basic('wrong')).expect(401);
    await ctx.http().get('/admin/queues/api/queues').expect(401);
  });

  it('shows every queue of the engine to an admin, by header or by browser login', async () => {
    const page = await ctx.http().get('/admin/queues').set('Authorization', basic(ctx.adminKey)).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const res = await ctx.http().get('/admin/queues/api/queues').set('X-Api-Key', ctx.adminKey).expect(200);
    expect(res.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([...ENGINE_QUEUES].sort());
  });

  it('lets an admin retry a failed job', async () => {
    const queue = ctx.app.get<Queue>(getQueueToken(QUEUES.commands), { strict: false });
    await queue.add('run-command', { commandId: 'board-retry' }, { attempts: 1 });
    const job = (await queue.getNextJob()) as Job;
    await job.moveToFailed({ message: 'worker crashed' });
    expect(await job.getState()).toBe('failed');

    await ctx.http().put(`/admin/queues/api/queues/${QUEUES.commands}/${job.id}/retry`).set('Authorization', basic(ctx.adminKey)).expect(204);
    await waitFor(async () => (await queue.getJob(job.id!))?.getState().then((s) => s === 'waiting'), 5000, 'job back in waiting');
    await job.remove();
  });
});
