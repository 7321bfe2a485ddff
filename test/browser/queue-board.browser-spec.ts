import { mkdirSync } from 'fs';
import * as path from 'path';
import { Browser, chromium } from 'playwright-core';
import { QUEUES } from '../../src/common/queue/queues';
import { createTestApp, listenOnFreePort, TestContext } from '../support/test-app';

/** Where the test leaves its screenshot for whoever reads the CI run. */
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('queue board in a real browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ctx = await createTestApp({ ROLE: 'api' });
    base = await listenOnFreePort(ctx);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.app.close();
  });

  it('asks for a login and refuses a wrong one', async () => {
    const anonymous = await (await browser.newContext()).newPage();
    // Headless Chromium cannot show the login prompt the 401 challenge asks for: it fails the navigation.
    await expect(anonymous.goto(`${base}/admin/queues`)).rejects.toThrow(/ERR_INVALID_AUTH_CREDENTIALS/);
    const wrong = await (await browser.newContext({ httpCredentials: { username: 'admin', password: 'not-the-key' } })).newPage();
    const answer = await wrong.goto(`${base}/admin/queues`);
    expect(answer?.status()).toBe(401);
    expect(await wrong.textContent('body')).toContain('Missing or invalid API key');
  });

  it('lists every queue once an admin logs in with the admin key', async () => {
    const context = await browser.newContext({ httpCredentials: { username: 'admin', password: ctx.adminKey }, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const answer = await page.goto(`${base}/admin/queues`);
    expect(answer?.status()).toBe(200);
    for (const queue of Object.values(QUEUES)) {
      await page.getByText(queue, { exact: true }).first().waitFor({ timeout: 20000 });
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'queue-board.png'), fullPage: true });
  });
});
