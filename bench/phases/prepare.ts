import { BenchApi, bulkCounts } from '../lib/api';
import { BenchContext, BenchClients } from '../lib/context';
import { scalar } from '../lib/database';
import { EVENT_COLUMNS, EventGenerator } from '../lib/event-generator';
import { createFixtures } from '../lib/fixtures';
import { sleep } from '../lib/load';
import { Population } from '../lib/population';

export async function createClients(api: BenchApi, commandClients: number): Promise<BenchClients> {
  const crm = await api.createClient('bench-crm');
  const lag = await api.createClient('bench-lag');
  const commands = [];
  for (let i = 0; i < commandClients; i++) commands.push(await api.createClient(`bench-commands-${i + 1}`));
  const backlog = await api.createClient('bench-backlog');
  return {
    crm: { ...crm, token: await api.crmLogin(crm.apiKey) },
    lag: { ...lag, token: await api.crmLogin(lag.apiKey) },
    commands,
    backlog,
  };
}

/** Directories, rules and customers: fixtures through the admin API, the customers in bulk SQL. */
export async function loadFixtures(ctx: Pick<BenchContext, 'api' | 'pool' | 'progress'>, population: Population): Promise<string[]> {
  const rules = await createFixtures(ctx.api);
  const step = ctx.progress.step('customers and accounts', population.size, 'customers');
  await population.insert(ctx.pool, (done) => step.update(done));
  step.done(`${population.size.toLocaleString('en-US')} customers, hottest 1 % get ${(population.popularity.shareOfTop(Math.ceil(population.size / 100)) * 100).toFixed(0)} % of events`);
  const probe = population.customers[0];
  const res = await ctx.api.account(probe.accountNumber);
  if (res.status !== 200) throw new Error(`an SQL-loaded account is not readable through the admin API: ${res.status} ${res.body.slice(0, 300)}`);
  return rules;
}

type Row = Record<string, unknown>;
const COMPARED = ['source', 'type', 'external_key', 'customer_id', 'account_id', 'amount', 'attributes', 'payload', 'udf'];

const normalise = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : String(value);

function differences(stored: Row, generated: unknown[]): string[] {
  const columns = EVENT_COLUMNS.split(', ');
  const generatedRow = Object.fromEntries(columns.map((c, i) => [c, generated[i]]));
  return COMPARED.flatMap((c) => {
    const a = normalise(stored[c]);
    const b = normalise(generatedRow[c]);
    return a === b ? [] : [`${c}: app ${a} / generated ${b}`];
  });
}

async function storedRow(ctx: BenchContext, where: string, param: string): Promise<Row> {
  const [rows] = await ctx.pool.query(`SELECT ${EVENT_COLUMNS} FROM customer_events WHERE ${where}`, [param]);
  const row = (rows as Row[])[0];
  if (!row) throw new Error(`event ${param} not found in customer_events`);
  return row;
}

/**
 * The baseline and the backlog are written with SQL the benchmark generates; this sends one event
 * through each API and checks that the app stored exactly the row the generator makes for it.
 */
export async function checkRowFidelity(ctx: BenchContext, generator: EventGenerator): Promise<Record<string, string[]>> {
  const purchase = generator.purchase();
  const res = await ctx.api.bulkPurchases(ctx.clients.crm.token, JSON.stringify({ purchase_customer_events_set: [generator.crmItem(purchase, 'fidelity-1')] }));
  const counts = bulkCounts(res);
  if (counts.processed !== 1) throw new Error(`fidelity purchase not stored: ${counts.firstError}`);
  const id = (JSON.parse(res.body).data.processed_customer_events_set[0] as { id: string }).id;
  const crm = differences(await storedRow(ctx, 'id = ?', id), generator.crmRow(purchase, id, ctx.clients.crm.id, 'fidelity-1'));

  const client = ctx.clients.commands[0];
  const operation = generator.operation('fidelity-1');
  const answer = await ctx.api.commandOk(client.apiKey, { typeOfCommand: 'loadCustomerEventsExt', events: [generator.commandItem(operation)] });
  const commandId = String(answer.commandId);
  const stored = await storedRow(ctx, 'command_id = ?', commandId);
  // Processing fills in the customer and account; compare what step 1 stored.
  const command = differences({ ...stored, customer_id: null, account_id: null }, generator.commandRow(operation, String(stored.id), client.id, commandId));
  for (let i = 0; i < 100; i++) {
    if (Number(await scalar(ctx.pool, "SELECT COUNT(*) FROM command_runs WHERE id = ? AND state = 'done'", [commandId])) === 1) break;
    await sleep(100);
  }
  await sleep(1000);
  return { crm, command };
}
