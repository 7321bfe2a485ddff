import { newEventIds } from './event-id';

describe('newEventIds', () => {
  it('gives as many ids as asked, each 32 upper-case hex characters, all different', () => {
    const ids = newEventIds(1000);
    expect(ids).toHaveLength(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9A-F]{32}$/);
    expect(new Set(ids).size).toBe(1000);
  });

  it('gives none for none', () => {
    expect(newEventIds(0)).toEqual([]);
  });
});
