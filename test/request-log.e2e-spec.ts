import { AppProcess, startAppProcess } from './support/app-process';
import { createTestApp, TestContext, waitFor } from './support/test-app';

describe('Request log', () => {
  let ctx: TestContext;
  let app: AppProcess;

  beforeAll(async () => {
    ctx = await createTestApp();
    app = await startAppProcess();
  });
  afterAll(async () => {
    await app?.stop();
    await ctx.app.close();
  });

  it('masks the bonus-window token in logged URLs', async () => {
    const created = await ctx.http().post('/admin/customers').set('X-Api-Key', ctx.adminKey).send({ uniqId: 'logged-window' }).expect(201);
    const token = created.body.link.replace('/bonus/', '');
    expect((await fetch(`${app.baseUrl}/api/bonus-window/${token}`)).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/bonus/${token}?from=sms`)).status).toBe(200);
    const urls = await waitFor(async () => {
      const logged = app.logLines().map((line) => (line.req as { url?: string } | undefined)?.url).filter(Boolean);
      return logged.length >= 2 && logged;
    }, 20000, 'two request log lines');
    expect(urls).toEqual(['/api/bonus-window/***', '/bonus/***?from=sms']);
    expect(app.output()).not.toContain(token);
  });
});
