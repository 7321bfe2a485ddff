import { nestsDeeperThan } from './json-nesting';

const raw = (text: string) => Buffer.from(text, 'utf8');

describe('nestsDeeperThan', () => {
  it('counts objects and arrays alike', () => {
    expect(nestsDeeperThan(raw('{"a":[{"b":[1]}]}'), 4)).toBe(false);
    expect(nestsDeeperThan(raw('{"a":[{"b":[1]}]}'), 3)).toBe(true);
  });

  it('counts depth, not the number of brackets', () => {
    expect(nestsDeeperThan(raw(`[${'[],'.repeat(1000)}[]]`), 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(raw(`{"a":"[[[{{{\\"[[[","b":"\\\\"}`), 1)).toBe(false);
  });

  it('finds a body nested 10,000 deep', () => {
    expect(nestsDeeperThan(raw(`${'['.repeat(10000)}${']'.repeat(10000)}`), 64)).toBe(true);
    expect(nestsDeeperThan(raw(`${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}`), 64)).toBe(true);
  });
});
