import { InputRecord } from './read-records';
import { eventIdOf, splitRejected } from './step-one-rejections';

const record = (index: number, item: Record<string, unknown>): InputRecord => ({ index, line: index + 1, item, error: null });

describe('splitRejected', () => {
  const chunk = [record(1, { eventId: 'a' }), record(2, { eventId: 'b' }), record(3, { eventId: 3 }), record(4, { customerId: 'x' })];

  it('takes out the records the errors name by eventId and keeps the rest to send again', () => {
    const { kept, rejected } = splitRejected(chunk, [{ eventId: 'b', typeOfError: 'wrongParam', description: 'Invalid customerId: a UUID is expected' }]);
    expect(kept.map((r) => r.index)).toEqual([1, 3, 4]);
    expect(rejected).toEqual([{ record: chunk[1], error: 'Invalid customerId: a UUID is expected' }]);
  });

  it('matches numeric eventIds and gives an error without eventId to the records that have none', () => {
    const { kept, rejected } = splitRejected(chunk, [
      { eventId: '3', description: 'Unknown customer type' },
      { eventId: null, description: 'Required parameter eventId is missing' },
    ]);
    expect(kept.map((r) => r.index)).toEqual([1, 2]);
    expect(rejected.map((r) => [r.record.index, r.error])).toEqual([[3, 'Unknown customer type'], [4, 'Required parameter eventId is missing']]);
  });

  it('joins the distinct errors of one record', () => {
    const { rejected } = splitRejected(chunk, [{ eventId: 'a', description: 'x' }, { eventId: 'a', description: 'y' }, { eventId: 'a', description: 'x' }]);
    expect(rejected).toEqual([{ record: chunk[0], error: 'x; y' }]);
  });

  it('rejects the whole chunk when no error names one of its records, so nothing is resent forever', () => {
    const { kept, rejected } = splitRejected(chunk.slice(0, 2), [{ eventId: 'zzz', description: 'Unknown' }]);
    expect(kept).toEqual([]);
    expect(rejected.map((r) => [r.record.index, r.error])).toEqual([[1, 'Unknown'], [2, 'Unknown']]);
  });
});

describe('eventIdOf', () => {
  it('reads eventIds as the engine does', () => {
    expect([eventIdOf({ eventId: '12' }), eventIdOf({ eventId: 12 }), eventIdOf({ eventId: 1.5 }), eventIdOf({}), eventIdOf(null)]).toEqual(['12', '12', null, null, null]);
  });
});
