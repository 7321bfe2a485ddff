import { getQueueToken } from '@nestjs/bull';
import { Queue } from 'bull';
import { SEED_EXAMPLES } from '../src/apis/command-api/seed-examples';
import { JOBS, QUEUES } from '../src/common/queue/queues';
import { CommandStepTwoService } from '../src/modules/command-runs/command-step-two.service';
import { createClient, createTestApp, TestContext, waitFor } from './support/test-app';

describe('addCustomerPointMessage (seed 001)', () => {
  let ctx: TestContext;
  let key: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    key = await createClient(ctx);
  });
  afterAll(() => ctx.app.close());

  const command = (body: Record<string, unknown>) => ctx.http().post('/api/commands').set('X-Api-Key', key).send(body);
  const addItems = async (add: unknown[]) => {
    const res = await command({ typeOfCommand: 'addCustomerPointMessage', add });
    expect(res.status).toBe(200);
    await waitFor(async () => {
      const [run] = await ctx.dataSource.query('SELECT state FROM command_runs WHERE id = ?', [res.body.commandId]);
      return run?.state === 'done';
    }, 20000, 'step 2');
    return res.body as { results: Array<Record<string, unknown>>; commandId: string };
  };
  const outcomes = (commandId: string) =>
    ctx.dataSource.query('SELECT item_key, state, points, error FROM command_items WHERE command_id = ? ORDER BY item_index', [commandId]);
  const customerBy = async (column: string, value: string) =>
    (await ctx.dataSource.query(
      `SELECT c.id, c.guid, c.uniq_id, c.email, c.phone, c.status, a.balance FROM customers c JOIN bonus_accounts a ON a.customer_id = c.id WHERE c.${column} = ?`,
      [value],
    ))[0];
  const countCustomers = async () => Number((await ctx.dataSource.query('SELECT COUNT(*) AS n FROM customers'))[0].n);
  const accrualItem = (uniqId: string, amount: number, eventId: string, extra: Record<string, unknown> = {}) => ({
    uniqId, amount, eventId, eventDate: '2025-03-01T10:00:00+03:00', ...extra,
  });

  it('answers the seed example exactly, then accrues the 200 points, activates the customer and lists the accrual', async () => {
    const res = await command(SEED_EXAMPLES.addCustomerPointMessage.request as unknown as Record<string, unknown>);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...SEED_EXAMPLES.addCustomerPointMessage.response, commandId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(res.body.results).toEqual(SEED_EXAMPLES.addCustomerPointMessage.response.results);
    await waitFor(async () => (await customerBy('uniq_id', '12345678'))?.balance === '200.00', 20000, 'the accrual');
    const customer = await customerBy('uniq_id', '12345678');
    expect(customer).toMatchObject({ guid: '9803d32e-8fcd-4984-a736-9f02f726b3c0', status: 'active', balance: '200.00' });
    await waitFor(async () => (await outcomes(res.body.commandId))[0]?.state === 'processed');
    expect(await outcomes(res.body.commandId)).toEqual([{ item_key: '123456', state: 'processed', points: '200.00', error: null }]);
    const [message] = await ctx.dataSource.query('SELECT text, show_count, show_till FROM customer_messages WHERE customer_id = ?', [customer.id]);
    expect(message).toEqual({ text: 'Message for customer', show_count: 3, show_till: new Date('2019-10-23T18:25:43.511Z') });

    const today = new Date();
    const ops = await command({
      typeOfCommand: 'getBonusOperationExt', customers: [{ uniqId: '12345678' }],
      dateFrom: new Date(today.getTime() - 86_400_000).toISOString(), dateTill: new Date(today.getTime() + 60_000).toISOString(), operationType: 'accrual',
    });
    expect(ops.status).toBe(200);
    expect(ops.body).toEqual({
      operations: [{
        operationId: expect.any(String), login: '12345678', guid: '9803d32e-8fcd-4984-a736-9f02f726b3c0', operationType: 'accrual',
        points: '200.00', eventId: '123456', ruleId: null, createdAt: expect.any(String), expiresAt: null,
      }],
      nextCursor: null, status: 'Success', error: null,
    });
  });

  it('§3.1: only uniqId, phone and email create the customer with status new and nothing accrued', async () => {
    const body = await addItems([{ uniqId: 'only-identity', phone: '+79160000301', email: 'only@example.com' }]);
    expect(body.results).toEqual([{ login: 'only-identity', guid: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'Success', error: null }]);
    const customer = await customerBy('uniq_id', 'only-identity');
    expect(customer).toMatchObject({ guid: body.results[0].guid, phone: '79160000301', email: 'only@example.com', status: 'new', balance: '0.00' });
    expect(await outcomes(body.commandId)).toEqual([{ item_key: 'only-identity', state: 'processed', points: '0.00', error: null }]);
  });

  it('FAQ 1: a message is stored without an accrual', async () => {
    await addItems([{ uniqId: 'faq1', message: 'Hello there', showCount: 2 }]);
    const customer = await customerBy('uniq_id', 'faq1');
    expect(customer).toMatchObject({ status: 'new', balance: '0.00' });
    expect(await ctx.dataSource.query('SELECT text, show_count FROM customer_messages WHERE customer_id = ?', [customer.id]))
      .toEqual([{ text: 'Hello there', show_count: 2 }]);
    expect(await ctx.dataSource.query('SELECT COUNT(*) AS n FROM bonus_operations o JOIN bonus_accounts a ON a.id = o.account_id WHERE a.customer_id = ?', [customer.id]))
      .toEqual([{ n: '0' }]);
  });

  it('FAQ 3: a new phone that nobody has replaces the old one and the points are accrued', async () => {
    await addItems([{ uniqId: 'faq3a', phone: '+79160000311' }]);
    const body = await addItems([accrualItem('faq3a', 10, 'faq3a-1', { phone: '+79160000312' })]);
    expect(await customerBy('uniq_id', 'faq3a')).toMatchObject({ phone: '79160000312', balance: '10.00', status: 'active' });
    expect(await outcomes(body.commandId)).toEqual([{ item_key: 'faq3a-1', state: 'processed', points: '10.00', error: null }]);
  });

  it("FAQ 3: a new phone that belongs to another customer is not taken and nothing is accrued", async () => {
    await addItems([{ uniqId: 'faq3b-owner', phone: '+79160000321' }, { uniqId: 'faq3b', phone: '+79160000322' }]);
    const body = await addItems([accrualItem('faq3b', 10, 'faq3b-1', { phone: '+79160000321' })]);
    expect(await customerBy('uniq_id', 'faq3b')).toMatchObject({ phone: '79160000322', balance: '0.00', status: 'new' });
    expect(await customerBy('uniq_id', 'faq3b-owner')).toMatchObject({ phone: '79160000321', balance: '0.00' });
    expect(await outcomes(body.commandId)).toEqual([{ item_key: 'faq3b-1', state: 'rejected', points: null, error: 'Phone number belongs to another customer' }]);
  });

  it('FAQ 4: a new uniqId with the phone of an existing customer creates nobody and accrues nothing', async () => {
    await addItems([{ uniqId: 'faq4-owner', phone: '+79160000401' }]);
    const before = await countCustomers();
    const body = await addItems([accrualItem('faq4-new', 10, 'faq4-1', { phone: '+79160000401' })]);
    expect(await countCustomers()).toBe(before);
    expect(await customerBy('uniq_id', 'faq4-new')).toBeUndefined();
    expect(await customerBy('uniq_id', 'faq4-owner')).toMatchObject({ balance: '0.00' });
    expect(await outcomes(body.commandId)).toEqual([{ item_key: 'faq4-1', state: 'rejected', points: null, error: 'Phone number belongs to another customer' }]);
  });

  it("FAQ 5: a new email is stored even when another customer has it", async () => {
    await addItems([{ uniqId: 'faq5-other', email: 'shared5@example.com' }, { uniqId: 'faq5', email: 'own5@example.com' }]);
    await addItems([accrualItem('faq5', 5, 'faq5-1', { email: 'shared5@example.com' })]);
    expect(await customerBy('uniq_id', 'faq5')).toMatchObject({ email: 'shared5@example.com', balance: '5.00' });
    expect(await customerBy('uniq_id', 'faq5-other')).toMatchObject({ email: 'shared5@example.com' });
  });

  it('FAQ 5: an invalid email fails its item alone: no customer, no update, no accrual', async () => {
    await addItems([{ uniqId: 'faq5b-existing', email: 'fine@example.com' }]);
    const before = await countCustomers();
    const body = await addItems([
      accrualItem('faq5b-new', 10, 'faq5b-1', { email: 'broken@' }),
      accrualItem('faq5b-existing', 10, 'faq5b-2', { email: 'not an email' }),
      accrualItem('faq5b-good', 10, 'faq5b-3'),
    ]);
    expect(body.results).toEqual([
      { login: 'faq5b-new', guid: null, status: 'Failure', error: { typeOfError: 'wrongParam', description: 'Invalid email: an e-mail address is expected' } },
      { login: 'faq5b-existing', guid: null, status: 'Failure', error: { typeOfError: 'wrongParam', description: 'Invalid email: an e-mail address is expected' } },
      { login: 'faq5b-good', guid: expect.any(String), status: 'Success', error: null },
    ]);
    expect(await countCustomers()).toBe(before + 1);
    expect(await customerBy('uniq_id', 'faq5b-new')).toBeUndefined();
    expect(await customerBy('uniq_id', 'faq5b-existing')).toMatchObject({ email: 'fine@example.com', balance: '0.00' });
    expect(await customerBy('uniq_id', 'faq5b-good')).toMatchObject({ balance: '10.00' });
    expect(await outcomes(body.commandId)).toEqual([
      { item_key: 'faq5b-1', state: 'rejected', points: null, error: 'Invalid email: an e-mail address is expected' },
      { item_key: 'faq5b-2', state: 'rejected', points: null, error: 'Invalid email: an e-mail address is expected' },
      { item_key: 'faq5b-3', state: 'processed', points: '10.00', error: null },
    ]);
  });

  it('FAQ 6: the accruals of a set of commands add up in getBonusOperationExt (accruals only)', async () => {
    await addItems([accrualItem('faq6-a', 12.5, 'faq6-1'), accrualItem('faq6-b', 7.25, 'faq6-2')]);
    await addItems([accrualItem('faq6-a', 0.25, 'faq6-3')]);
    const res = await command({
      typeOfCommand: 'getBonusOperationExt', customers: [{ uniqId: 'faq6-a' }, { uniqId: 'faq6-b' }, { uniqId: 'nobody-here' }],
      dateFrom: new Date(Date.now() - 3_600_000).toISOString(), dateTill: new Date(Date.now() + 60_000).toISOString(), operationType: 'accrual',
    });
    const total = res.body.operations.reduce((sum: number, o: { points: string }) => sum + Math.round(Number(o.points) * 100), 0);
    expect(total).toBe(2000);
    expect(res.body.operations.map((o: { eventId: string }) => o.eventId)).toEqual(['faq6-1', 'faq6-2', 'faq6-3']);
  });

  it('FAQ 7: a new uniqId with the email of an existing customer creates nobody and accrues to that customer', async () => {
    await addItems([{ uniqId: 'faq7-owner', email: 'faq7@example.com' }]);
    const before = await countCustomers();
    const body = await addItems([accrualItem('faq7-new', 30, 'faq7-1', { email: 'faq7@example.com' })]);
    expect(await countCustomers()).toBe(before);
    expect(await customerBy('uniq_id', 'faq7-new')).toBeUndefined();
    const owner = await customerBy('uniq_id', 'faq7-owner');
    expect(owner).toMatchObject({ balance: '30.00', status: 'active' });
    expect(await ctx.dataSource.query('SELECT customer_id, state, points FROM command_items WHERE command_id = ?', [body.commandId]))
      .toEqual([{ customer_id: owner.id, state: 'processed', points: '30.00' }]);
  });

  it('a blocked customer gets no accrual and no message, and the outcome says so', async () => {
    await addItems([{ uniqId: 'blocked-1' }]);
    await command({ typeOfCommand: 'blockCustomers', customers: [{ uniqId: 'blocked-1' }] }).expect(200);
    const body = await addItems([accrualItem('blocked-1', 10, 'blocked-1-e', { message: 'Hi' })]);
    const customer = await customerBy('uniq_id', 'blocked-1');
    expect(customer).toMatchObject({ status: 'blocked', balance: '0.00' });
    expect(await outcomes(body.commandId)).toEqual([{ item_key: 'blocked-1-e', state: 'rejected', points: null, error: 'Customer is blocked' }]);
    expect(await ctx.dataSource.query('SELECT COUNT(*) AS n FROM customer_messages WHERE customer_id = ?', [customer.id])).toEqual([{ n: '0' }]);
  });

  it('only activateCustomers unblocks: an accrual does not, activation does and accruals resume', async () => {
    await addItems([{ uniqId: 'unblock-1' }]);
    await command({ typeOfCommand: 'blockCustomers', customers: [{ uniqId: 'unblock-1' }] }).expect(200);
    await addItems([accrualItem('unblock-1', 10, 'unblock-1-a')]);
    expect(await customerBy('uniq_id', 'unblock-1')).toMatchObject({ status: 'blocked', balance: '0.00' });
    await command({ typeOfCommand: 'activateCustomers', customers: [{ uniqId: 'unblock-1' }] }).expect(200);
    await addItems([accrualItem('unblock-1', 10, 'unblock-1-b')]);
    expect(await customerBy('uniq_id', 'unblock-1')).toMatchObject({ status: 'active', balance: '10.00' });
  });

  it('an eventId already used by the client is rejected, in another command or the same one', async () => {
    await addItems([accrualItem('dup-1', 10, 'dup-e')]);
    const body = await addItems([accrualItem('dup-1', 10, 'dup-e'), accrualItem('dup-1', 5, 'dup-f'), accrualItem('dup-1', 5, 'dup-f')]);
    expect((await outcomes(body.commandId)).map((o: { state: string; error: string | null }) => [o.state, o.error])).toEqual([
      ['rejected', 'Duplicate eventId'], ['processed', null], ['rejected', 'Duplicate eventId'],
    ]);
    expect(await customerBy('uniq_id', 'dup-1')).toMatchObject({ balance: '15.00' });
  });

  it('a step-2 job run twice accrues once: concurrent runs, a second delivery of the job, a rerun of settled items', async () => {
    const stepTwo = ctx.app.get(CommandStepTwoService);
    const res = await command({ typeOfCommand: 'addCustomerPointMessage', add: [accrualItem('twice-1', 40, 'twice-e')] }).expect(200);
    const { commandId } = res.body;
    // The processor picks the job up too: three runs of the same step 2 at once.
    const reports = await Promise.all([stepTwo.execute(commandId), stepTwo.execute(commandId)]);
    await waitFor(async () => (await ctx.dataSource.query('SELECT state FROM command_runs WHERE id = ?', [commandId]))[0].state === 'done');
    expect(reports.every((r) => r.rejected === 0)).toBe(true);
    const accrued = () => ctx.dataSource.query("SELECT COUNT(*) AS n, SUM(points) AS s FROM bonus_operations WHERE external_event_id = 'twice-e'");
    expect(await accrued()).toEqual([{ n: '1', s: '40.00' }]);

    const queue = ctx.app.get<Queue>(getQueueToken(QUEUES.commands));
    const again = await queue.add(JOBS.runCommand, { commandId }, { jobId: `${commandId}:again` });
    await again.finished();
    expect(await accrued()).toEqual([{ n: '1', s: '40.00' }]);
    expect(await outcomes(commandId)).toEqual([{ item_key: 'twice-e', state: 'processed', points: '40.00', error: null }]);

    await ctx.dataSource.query("UPDATE command_items SET state = 'pending' WHERE command_id = ?", [commandId]);
    await stepTwo.execute(commandId);
    expect(await accrued()).toEqual([{ n: '1', s: '40.00' }]);
    expect(await customerBy('uniq_id', 'twice-1')).toMatchObject({ balance: '40.00' });
  });

  it('checks the list: not an array, empty, or too long is wrongFormat', async () => {
    const notList = await command({ typeOfCommand: 'addCustomerPointMessage', add: {} });
    expect(notList.status).toBe(400);
    expect(notList.body).toEqual({ status: 'Failure', error: { typeOfError: 'wrongFormat', description: 'add must be an array' } });
    const tooMany = await command({ typeOfCommand: 'addCustomerPointMessage', add: Array.from({ length: 1001 }, (_, i) => ({ uniqId: `x${i}` })) });
    expect(tooMany.body).toEqual({ status: 'Failure', error: { typeOfError: 'wrongFormat', description: 'add must contain at most 1000 items' } });
  });
});
