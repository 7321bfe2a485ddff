import { randomInt } from 'crypto';

export const ACCOUNT_NUMBER_PATTERN = /^ACR\d{10}$/;
export const PARTICIPANT_NUMBER_PATTERN = /^RP\d{10}$/;

const tenDigits = () => String(randomInt(0, 10_000_000_000)).padStart(10, '0');

/**
 * Random rather than sequential so generated numbers do not walk into numbers an admin imported;
 * the unique keys catch the rare collision and the caller draws again.
 */
export function newAccountNumber(): string {
  return `ACR${tenDigits()}`;
}

export function newParticipantNumber(): string {
  return `RP${tenDigits()}`;
}
