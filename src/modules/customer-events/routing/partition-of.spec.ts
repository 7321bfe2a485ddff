import { chunkByPartition, partitionOf, routingKeyOf } from './partition-of';

describe('event partitions', () => {
  it('keys an event by its customer: the GUID in any case, else the account, else the event itself', () => {
    expect(routingKeyOf({ id: 'E1', guid: 'AbC-1', accountId: '7' })).toBe('g:abc-1');
    expect(routingKeyOf({ id: 'E1', guid: null, accountId: '7' })).toBe('a:7');
    expect(routingKeyOf({ id: 'E1', guid: null, accountId: null })).toBe('e:E1');
  });

  it('gives one key always the same partition, and spreads many keys over all partitions', () => {
    expect(partitionOf('g:abc-1', 8)).toBe(partitionOf('g:abc-1', 8));
    const counts = new Array(8).fill(0);
    for (let i = 0; i < 8000; i++) counts[partitionOf(`a:${i}`, 8)]++;
    for (const n of counts) expect(n).toBeGreaterThan(800);
  });

  it('chunks the events of each partition in their order, never mixing partitions', () => {
    const events = Array.from({ length: 50 }, (_, i) => ({ id: `E${i}`, guid: null, accountId: String(i % 5) }));
    const chunks = chunkByPartition(events, 4, 3);
    expect(chunks.flatMap((c) => c.eventIds).sort()).toEqual(events.map((e) => e.id).sort());
    for (const chunk of chunks) {
      expect(chunk.eventIds.length).toBeLessThanOrEqual(3);
      for (const id of chunk.eventIds) expect(partitionOf(`a:${Number(id.slice(1)) % 5}`, 4)).toBe(chunk.partition);
    }
    const ofAccount0 = chunks.filter((c) => c.partition === partitionOf('a:0', 4)).flatMap((c) => c.eventIds).filter((id) => Number(id.slice(1)) % 5 === 0);
    expect(ofAccount0).toEqual(events.filter((_, i) => i % 5 === 0).map((e) => e.id));
  });
});
