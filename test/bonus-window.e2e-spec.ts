import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';

describe('Bonus window', () => {
  let ctx: TestContext;
  let key: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    key = await createClient(ctx);
  });
  afterAll(() => ctx.app.close());

  const command = (body: Record<string, unknown>) => ctx.http().post('/api/commands').set('X-Api-Key', key).send(body);
  const addItems = async (add: unknown[]) => {
    const res = await command({ typeOfCommand: 'addCustomerPointMessage', add }).expect(200);
    await waitFor(async () => (await ctx.dataSource.query('SELECT state FROM command_runs WHERE id = ?', [res.body.commandId]))[0]?.state === 'done');
  };
  const linkOf = async (uniqId: string): Promise<string> => {
    const res = await command({ typeOfCommand: 'getCustomerLink', customers: [{ uniqId }] }).expect(200);
    return res.body.customers[0].link;
  };
  const tokenOf = async (uniqId: string) => (await linkOf(uniqId)).replace('/bonus/', '');
  const statusOf = async (uniqId: string) => (await ctx.dataSource.query('SELECT status FROM customers WHERE uniq_id = ?', [uniqId]))[0].status;

  it('shows login, status, balance, live messages and the latest operations as JSON', async () => {
    await addItems([{ uniqId: 'win-1', amount: 25, eventId: 'win-1-e', eventDate: '2025-03-01T10:00:00+03:00', message: 'Welcome <b>aboard</b>', showCount: 2 }]);
    const res = await ctx.http().get(`/api/bonus-window/${await tokenOf('win-1')}`).expect(200);
    expect(res.body).toEqual({
      login: 'win-1', status: 'active', balance: '25.00',
      messages: [{ text: 'Welcome <b>aboard</b>', showTill: null }],
      operations: [{ operationType: 'accrual', points: '25.00', createdAt: expect.any(String), expiresAt: null }],
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('opening it activates a new customer (the customer authorises)', async () => {
    await addItems([{ uniqId: 'win-new' }]);
    expect(await statusOf('win-new')).toBe('new');
    const res = await ctx.http().get(`/api/bonus-window/${await tokenOf('win-new')}`).expect(200);
    expect(res.body.status).toBe('active');
    expect(await statusOf('win-new')).toBe('active');
  });

  it('shows a message exactly showCount times, also to concurrent openings', async () => {
    await addItems([{ uniqId: 'win-count', message: 'Three times', showCount: 3 }]);
    const token = await tokenOf('win-count');
    const openings = await Promise.all(Array.from({ length: 5 }, () => ctx.http().get(`/api/bonus-window/${token}`)));
    const shown = openings.filter((r) => r.body.messages.some((m: { text: string }) => m.text === 'Three times')).length;
    expect(shown).toBe(3);
    const later = await ctx.http().get(`/api/bonus-window/${token}`).expect(200);
    expect(later.body.messages).toEqual([]);
  });

  it('does not show a message past its showTill', async () => {
    await addItems([
      { uniqId: 'win-till', message: 'Expired', showTill: '2019-10-23T18:25:43.511Z', showCount: 5 },
      { uniqId: 'win-till', message: 'Still on', showTill: '2099-01-01T00:00:00Z' },
    ]);
    const res = await ctx.http().get(`/api/bonus-window/${await tokenOf('win-till')}`).expect(200);
    expect(res.body.messages).toEqual([{ text: 'Still on', showTill: '2099-01-01T00:00:00.000Z' }]);
  });

  it('a blocked customer stays blocked and sees no messages', async () => {
    await addItems([{ uniqId: 'win-blocked', message: 'Hidden' }]);
    await command({ typeOfCommand: 'blockCustomers', customers: [{ uniqId: 'win-blocked' }] }).expect(200);
    const res = await ctx.http().get(`/api/bonus-window/${await tokenOf('win-blocked')}`).expect(200);
    expect(res.body).toMatchObject({ status: 'blocked', messages: [] });
    expect(await statusOf('win-blocked')).toBe('blocked');
    expect(await ctx.dataSource.query("SELECT m.show_count FROM customer_messages m JOIN customers c ON c.id = m.customer_id WHERE c.uniq_id = 'win-blocked'"))
      .toEqual([{ show_count: 1 }]);
  });

  it('serves the link as a small HTML page with escaped content', async () => {
    await addItems([{ uniqId: 'win-html', amount: 12.5, eventId: 'win-html-e', eventDate: '2025-03-01T10:00:00Z', message: '<script>alert(1)</script>' }]);
    const res = await ctx.http().get(await linkOf('win-html')).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.text).toContain('<div class="balance">12.50</div>');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.text).not.toContain('<script>');
  });

  it('answers 404 to an unknown link, as JSON and as HTML', async () => {
    const json = await ctx.http().get('/api/bonus-window/0123456789abcdef0123456789abcdef');
    expect(json.status).toBe(404);
    expect(json.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Bonus window not found' });
    const html = await ctx.http().get('/bonus/not-a-token');
    expect(html.status).toBe(404);
    expect(html.text).toContain('Bonus window not found');
  });
});
