import { randomUUID } from 'crypto';
import { commandEvent, createRule, purchaseRule, sendCommand, waitForCommand } from './support/command-events';
import { createClient, createTestApp, TestContext } from './support/test-app';

type EventView = { eventId: string; state: string; points: string | null; operations: unknown[]; error: string | null };

describe('One eventId namespace per client across loadCustomerEventsExt, addBonusExtQuick and addCustomerPointMessage', () => {
  let ctx: TestContext;
  let apiKey: string;

  const eventDate = '2025-03-01T12:00:00+03:00';
  const quickBonus = (guid: string, eventId: string, amount = '50.00') => ({ typeOfCommand: 'addBonusExtQuick', add: [{ amount, guid, eventId, eventDate }] });
  const pointMessage = (guid: string, eventId: string) => ({
    typeOfCommand: 'addCustomerPointMessage', add: [{ uniqId: `pm-${eventId}`, guid, amount: '50.00', eventId, eventDate, message: 'Thanks' }],
  });
  const load = (customerId: string, eventId: string) => ({ typeOfCommand: 'loadCustomerEventsExt', events: [commandEvent({ customerId, eventId, operationAmount: 100 })] });
  /** Sends a command and waits until getEventOperation shows all of it final. */
  const run = async (body: unknown): Promise<EventView[]> => {
    const res = await sendCommand(ctx, apiKey, body).expect(200);
    return waitForCommand(ctx, apiKey, res.body.commandId) as Promise<EventView[]>;
  };
  const byEventId = async (eventId: string): Promise<EventView[]> =>
    (await sendCommand(ctx, apiKey, { typeOfCommand: 'getEventOperation', eventIds: [eventId] }).expect(200)).body.events;
  const balanceOf = async (guid: string): Promise<string | null> =>
    (await sendCommand(ctx, apiKey, { typeOfCommand: 'getBalanceCustomersExt', customers: [{ guid }] }).expect(200)).body.customers[0].balance;

  beforeAll(async () => {
    ctx = await createTestApp();
    await createRule(ctx, purchaseRule('10'));
  });
  afterAll(() => ctx.app.close());

  beforeEach(async () => {
    apiKey = await createClient(ctx);
  });

  it.each([
    ['addBonusExtQuick', quickBonus],
    ['addCustomerPointMessage', pointMessage],
  ])('rejects a %s item whose eventId loadCustomerEventsExt used, and accrues nothing for it', async (_, command) => {
    const guid = randomUUID();
    const [loaded] = await run(load(guid.toUpperCase(), 'shared-1'));
    expect(loaded).toMatchObject({ eventId: 'shared-1', state: 'processed', points: '10.00' });

    const [item] = await run(command(guid, 'shared-1'));
    expect(item).toMatchObject({ eventId: 'shared-1', state: 'rejected', points: null, operations: [], error: 'Duplicate eventId' });
    expect(await balanceOf(guid)).toBe('10.00');
    expect(await byEventId('shared-1')).toEqual([loaded]);
  });

  it('rejects a loadCustomerEventsExt event whose eventId addBonusExtQuick used, and shows the accrual that took effect', async () => {
    const guid = randomUUID();
    const [accrued] = await run(quickBonus(guid, 'shared-2'));
    expect(accrued).toMatchObject({ eventId: 'shared-2', state: 'processed', points: '50.00', error: null });

    const [event] = await run(load(guid.toUpperCase(), 'shared-2'));
    expect(event).toMatchObject({ eventId: 'shared-2', state: 'rejected', points: null, operations: [], error: 'Duplicate eventId' });
    expect(await balanceOf(guid)).toBe('50.00');
    expect(await byEventId('shared-2')).toEqual([accrued]);
  });

  it('keeps eventIds of different clients apart', async () => {
    const guid = randomUUID();
    await run(load(guid.toUpperCase(), 'shared-3'));
    apiKey = await createClient(ctx, 'integrator', 'Another integrator');
    const [item] = await run(quickBonus(guid, 'shared-3'));
    expect(item).toMatchObject({ state: 'processed', points: '50.00' });
    expect(await balanceOf(guid)).toBe('60.00');
  });

  it('shows the accrual, not a later duplicate, for an eventId sent in four commands at once', async () => {
    const guid = randomUUID();
    const answers = await Promise.all([1, 2, 3, 4].map(() => sendCommand(ctx, apiKey, quickBonus(guid, 'four-times', '25.00')).expect(200)));
    const results = await Promise.all(answers.map((res) => waitForCommand(ctx, apiKey, res.body.commandId) as Promise<EventView[]>));
    const outcomes = results.map(([item]) => item);
    expect(outcomes.filter((o) => o.state === 'processed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.state === 'rejected')).toEqual(Array(3).fill(expect.objectContaining({ points: null, operations: [], error: 'Duplicate eventId' })));
    expect(await balanceOf(guid)).toBe('25.00');

    const [shown] = await byEventId('four-times');
    expect(shown).toEqual(outcomes.find((o) => o.state === 'processed'));
    expect(shown).toMatchObject({ state: 'processed', points: '25.00', error: null, operations: [expect.objectContaining({ points: '25.00' })] });
  });
});
