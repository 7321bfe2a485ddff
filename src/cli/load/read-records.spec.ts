import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { InputFormat, InputRecord, openInput } from './read-records';

const dir = mkdtempSync(join(tmpdir(), 'records-'));

async function read(name: string, content: string | Buffer, format: InputFormat): Promise<InputRecord[]> {
  const path = join(dir, name);
  writeFileSync(path, content);
  const input = await openInput(path, format);
  const records: InputRecord[] = [];
  for await (const r of input.records) records.push(r);
  return records;
}

describe('openInput', () => {
  it('reads NDJSON with line numbers, skipping blank lines and reporting lines that are not JSON objects', async () => {
    const records = await read('a.ndjson', '{"eventId":"1"}\n\n{"eventId": \n[1]\n{"eventId":"4"}\n', 'ndjson');
    expect(records.map((r) => [r.index, r.line, r.item, r.error?.split(':')[0] ?? null])).toEqual([
      [1, 1, { eventId: '1' }, null],
      [2, 3, null, 'Invalid JSON'],
      [3, 4, null, 'The record is not a JSON object'],
      [4, 5, { eventId: '4' }, null],
    ]);
  });

  it('reads a gzip-compressed file, recognised by its content', async () => {
    const records = await read('b.data', gzipSync('{"eventId":"1"}\n{"eventId":"2"}\n'), 'ndjson');
    expect(records.map((r) => r.item)).toEqual([{ eventId: '1' }, { eventId: '2' }]);
  });

  it('reads CSV rows through the column mapping, with the line each row ends on', async () => {
    const records = await read('c.csv', 'eventId,products_set.0.total_amount,note\n1,10.50,"two\nlines"\n2,,\n', 'csv');
    expect(records.map((r) => [r.index, r.line, r.item])).toEqual([
      [1, 3, { eventId: '1', products_set: [{ total_amount: '10.50' }], note: 'two\nlines' }],
      [2, 4, { eventId: '2' }],
    ]);
  });

  it('reads the elements of a JSON array by their position', async () => {
    const records = await read('d.json', '[{"eventId":"1"}, 5, {"eventId":"3"}]', 'json');
    expect(records.map((r) => [r.index, r.line, r.item, r.error])).toEqual([
      [1, 1, { eventId: '1' }, null],
      [2, 2, null, 'The record is not a JSON object'],
      [3, 3, { eventId: '3' }, null],
    ]);
  });

  it('stops with a clear error on a JSON file that is not an array of events', async () => {
    await expect(read('e.json', '[{"eventId":"1"}, {"eventId"', 'json')).rejects.toThrow(/^Cannot read .*e\.json as json: /);
  });

  it('says which file cannot be read', async () => {
    await expect(openInput(join(dir, 'missing.ndjson'), 'ndjson')).rejects.toThrow(/^Cannot read .*missing\.ndjson \(ENOENT\)$/);
  });
});
