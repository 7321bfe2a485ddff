import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CommandApi, EventOutcome, LoadAnswer } from '../engine/command-api';
import { NetworkError } from '../engine/engine-http';
import { Checkpoint, CheckpointFile, InFlightCommand, newCheckpoint } from './checkpoint';
import { CommandLoader } from './command-loader';
import { noCounts } from './counts';
import { ErrorReport } from './error-report';
import { LoadState } from './load-state';
import { InputRecord } from './read-records';

const record = (index: number): InputRecord => ({ index, line: index, item: { eventId: `e${index}` }, error: null });

async function* stream(records: InputRecord[]) {
  yield* records;
}

/** An engine that accepts every command, processes its events at once and remembers what it was sent. */
class FakeEngine {
  sent: string[][] = [];
  held = new Map<string, EventOutcome>();
  commands = new Map<string, string[]>();
  answers: Array<(ids: string[]) => LoadAnswer | Error> = [];

  async loadCustomerEventsExt(events: Array<{ eventId: string }>): Promise<LoadAnswer> {
    const ids = events.map((e) => e.eventId);
    this.sent.push(ids);
    const scripted = this.answers.shift()?.(ids);
    if (scripted instanceof Error) throw scripted;
    if (scripted && scripted.kind !== 'accepted') return scripted;
    this.hold(ids);
    const commandId = `c${this.commands.size + 1}`;
    this.commands.set(commandId, ids);
    return { kind: 'accepted', commandId };
  }

  hold(ids: string[]): void {
    for (const id of ids) this.held.set(id, { eventId: id, state: 'processed', points: '10', error: null });
  }

  async eventsOfCommand(commandId: string) {
    return this.commands.get(commandId)!.map((id) => this.held.get(id)!);
  }

  async eventsById(ids: string[]) {
    return ids.flatMap((id) => (this.held.has(id) ? [this.held.get(id)!] : []));
  }
}

describe('CommandLoader', () => {
  const options = { chunkSize: 2, pauseMs: 0, busyTimeoutMs: 1000, retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1 } };
  let dir: string;

  function start(checkpoint: Partial<Checkpoint> = {}) {
    dir = mkdtempSync(join(tmpdir(), 'loader-'));
    const state = { ...newCheckpoint({ fingerprint: 'f', size: 1 }, 'commands', noCounts(true)), ...checkpoint };
    const file = new CheckpointFile(join(dir, 'checkpoint.json'));
    const report = new ErrorReport(join(dir, 'errors.ndjson'), 0);
    const engine = new FakeEngine();
    return { engine, state: new LoadState(state, file, report), file, report };
  }
  const reportLines = () => readFileSync(join(dir, 'errors.ndjson'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

  it('sends chunks in file order and resends a chunk without the items its wrongData answer names', async () => {
    const { engine, state, file } = start();
    engine.answers.push(() => ({ kind: 'itemErrors', errors: [{ eventId: 'e2', description: 'Invalid customerId: a UUID is expected' }] }));
    await new CommandLoader(state, engine as unknown as CommandApi, options).run(stream([1, 2, 3, 4, 5].map(record)));
    expect(engine.sent).toEqual([['e1', 'e2'], ['e1'], ['e3', 'e4'], ['e5']]);
    expect(reportLines()).toEqual([{ line: 2, eventId: 'e2', stage: 'accept', state: 'rejected', error: 'Invalid customerId: a UUID is expected', event: { eventId: 'e2' } }]);
    expect(file.read()).toMatchObject({ done: 5, inFlight: null, counts: { sent: 4, processed: 4, rejected: 1, failed: 0, points: '40.00' } });
  });

  it('reports the events that step 2 rejected or failed with their lines', async () => {
    const { engine, state, file } = start();
    engine.hold = (ids) => {
      for (const id of ids) engine.held.set(id, { eventId: id, state: id === 'e2' ? 'failed' : 'processed', points: id === 'e2' ? null : '10', error: id === 'e2' ? 'boom' : null });
    };
    await new CommandLoader(state, engine as unknown as CommandApi, options).run(stream([1, 2].map(record)));
    expect(reportLines()).toEqual([{ line: 2, eventId: 'e2', stage: 'process', state: 'failed', error: 'boom', event: { eventId: 'e2' } }]);
    expect(file.read()?.counts).toEqual({ sent: 2, processed: 1, rejected: 0, failed: 1, points: '10.00' });
  });

  it('follows the accepted command of a resumed load instead of sending it again', async () => {
    const inFlight: InFlightCommand = { from: 3, to: 4, commandId: 'c1', excluded: [] };
    const { engine, state, file } = start({ done: 2, inFlight });
    engine.hold(['e3', 'e4']);
    engine.commands.set('c1', ['e3', 'e4']);
    await new CommandLoader(state, engine as unknown as CommandApi, options).run(stream([1, 2, 3, 4, 5].map(record)));
    expect(engine.sent).toEqual([['e5']]);
    expect(file.read()).toMatchObject({ done: 5, counts: { sent: 1, processed: 3 } });
  });

  it('does not resend a chunk whose answer was lost when the engine holds its events', async () => {
    const { engine, state } = start({ done: 2, inFlight: { from: 3, to: 4, commandId: null, excluded: [] } });
    engine.hold(['e3', 'e4']);
    await new CommandLoader(state, engine as unknown as CommandApi, options).run(stream([1, 2, 3, 4].map(record)));
    expect(engine.sent).toEqual([]);
    expect(state.counts()).toMatchObject({ sent: 2, processed: 2 });
  });

  it('sends again a chunk whose answer was lost when the engine does not hold it, leaving out what step 1 rejected', async () => {
    const { engine, state } = start({ done: 2, inFlight: { from: 3, to: 5, commandId: null, excluded: [4] } });
    await new CommandLoader(state, engine as unknown as CommandApi, options).run(stream([1, 2, 3, 4, 5].map(record)));
    expect(engine.sent).toEqual([['e3', 'e5']]);
  });

  it('after a network error asks the engine before sending again', async () => {
    const { engine, state } = start();
    engine.answers.push((ids) => {
      engine.hold(ids);
      engine.commands.set('lost', ids);
      return new NetworkError('connection reset');
    });
    await new CommandLoader(state, engine as unknown as CommandApi, options).run(stream([1, 2].map(record)));
    expect(engine.sent).toEqual([['e1', 'e2']]);
    expect(state.counts()).toMatchObject({ sent: 2, processed: 2, rejected: 0 });
  });
});
