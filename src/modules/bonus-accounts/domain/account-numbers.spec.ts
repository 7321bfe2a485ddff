import { ACCOUNT_NUMBER_PATTERN, newAccountNumber, newParticipantNumber, PARTICIPANT_NUMBER_PATTERN } from './account-numbers';

describe('account numbers', () => {
  it('generates ACR + 10 digits and RP + 10 digits', () => {
    for (let i = 0; i < 200; i++) {
      expect(newAccountNumber()).toMatch(ACCOUNT_NUMBER_PATTERN);
      expect(newParticipantNumber()).toMatch(PARTICIPANT_NUMBER_PATTERN);
    }
  });

  it('draws different numbers', () => {
    expect(new Set(Array.from({ length: 100 }, newAccountNumber)).size).toBe(100);
  });

  it('patterns refuse other shapes', () => {
    expect(ACCOUNT_NUMBER_PATTERN.test('ACR000177')).toBe(false);
    expect(ACCOUNT_NUMBER_PATTERN.test('ACR0000000077')).toBe(true);
    expect(PARTICIPANT_NUMBER_PATTERN.test('RP0000000010')).toBe(true);
    expect(PARTICIPANT_NUMBER_PATTERN.test('RP00000000101')).toBe(false);
  });
});
