import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CrmApi } from '../engine/crm-api';
import { CheckpointFile, newCheckpoint } from './checkpoint';
import { noCounts } from './counts';
import { bulkItems, CrmLoader, LOADER_EXTERNAL_SYSTEM } from './crm-loader';
import { ErrorReport } from './error-report';
import { LoadState } from './load-state';

describe('bulkItems', () => {
  it('gives items without them a request identifier (the line) and an external reference (file and record)', () => {
    const [item] = bulkItems([{ index: 4, line: 5, item: { reference_number: 'RF1' }, error: null }], 'abc');
    expect(item).toEqual({ reference_number: 'RF1', request_unique_identifier: '5', external_system: LOADER_EXTERNAL_SYSTEM, external_system_reference_number: 'abc:4' });
  });

  it("keeps the item's own request identifier and external reference", () => {
    const own = { request_unique_identifier: '31', external_system: 'POS', external_system_reference_number: 'R-1' };
    expect(bulkItems([{ index: 1, line: 2, item: own, error: null }], 'abc')).toEqual([own]);
    const half = { request_unique_identifier: '32', external_system: 'POS' };
    expect(bulkItems([{ index: 1, line: 2, item: half, error: null }], 'abc')).toEqual([half]);
  });
});

describe('CrmLoader', () => {
  const purchases = { path: 'purchases', setName: 'purchase_customer_events_set', eventType: 'purchase', label: 'purchase', classificationRequired: false } as const;

  it('keeps calls in flight but moves the checkpoint only past chunks whose earlier chunks are done', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-loader-'));
    const file = new CheckpointFile(join(dir, 'checkpoint.json'));
    const report = new ErrorReport(join(dir, 'errors.ndjson'), 0);
    const state = new LoadState(newCheckpoint({ fingerprint: 'f', size: 1 }, 'crm purchases', noCounts(false)), file, report);
    state.save();
    const releases: Array<() => void> = [];
    const positions: number[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const api = {
      async createBulk(_path: string, _set: string, items: Array<Record<string, unknown>>) {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise<void>((resolve) => releases.push(resolve));
        inFlight--;
        const [bad, ...good] = items;
        return {
          unprocessed: [{ request_unique_identifier: String(bad.request_unique_identifier), error_code: 'NotFoundAPIValueException', error_description: 'Not Found' }],
          processed: good.map((i) => ({ request_unique_identifier: String(i.request_unique_identifier) })),
        };
      },
    };
    const records = Array.from({ length: 6 }, (_, i) => ({ index: i + 1, line: i + 2, item: { n: i + 1 }, error: null }));
    const loader = new CrmLoader(state, api as unknown as CrmApi, purchases, { chunkSize: 2, concurrency: 3, fingerprint: 'f' });
    const done = loader.run((async function* () { yield* records; })());
    const flushed = () => new Promise((resolve) => setImmediate(resolve));
    while (releases.length < 3) await flushed();
    releases[2]();
    releases[1]();
    await flushed();
    positions.push(file.read()!.done);
    releases[0]();
    await done;
    positions.push(file.read()!.done);
    expect(mostInFlight).toBe(3);
    expect(positions).toEqual([0, 6]);
    expect(file.read()!.counts).toEqual({ sent: 3, processed: 3, rejected: 3, failed: 0, points: null });
    const lines = readFileSync(join(dir, 'errors.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).line);
    expect(lines).toEqual([2, 4, 6]);
    report.close();
  });
});
