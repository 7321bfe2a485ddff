import { withinTime } from './within-time';

describe('withinTime', () => {
  it('passes on what settles in time', async () => {
    await expect(withinTime(Promise.resolve(7), 50, 'x')).resolves.toBe(7);
    await expect(withinTime(Promise.reject(new Error('refused')), 50, 'x')).rejects.toThrow('refused');
  });

  it('gives up on what never settles', async () => {
    await expect(withinTime(new Promise(() => undefined), 20, 'queueing')).rejects.toThrow('queueing took longer than 20 ms');
  });
});
