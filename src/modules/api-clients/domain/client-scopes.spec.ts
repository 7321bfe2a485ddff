import { scopeAllows, unknownScopes } from './client-scopes';

describe('scopeAllows', () => {
  it('allows an operation named exactly', () => {
    expect(scopeAllows(['command:blockCustomers'], 'command:blockCustomers')).toBe(true);
    expect(scopeAllows(['command:blockCustomers'], 'command:getCustomerLink')).toBe(false);
  });

  it('allows every operation of an API under its wildcard, and none of the other API', () => {
    expect(scopeAllows(['command:*'], 'command:getCustomerLink')).toBe(true);
    expect(scopeAllows(['command:*'], 'crm:purchases')).toBe(false);
    expect(scopeAllows(['crm:*'], 'crm:bulk:web')).toBe(true);
  });

  it('does not read a bulk scope as the single purchase or another bulk type', () => {
    expect(scopeAllows(['crm:bulk:purchases'], 'crm:purchases')).toBe(false);
    expect(scopeAllows(['crm:purchases'], 'crm:bulk:purchases')).toBe(false);
    expect(scopeAllows(['crm:bulk:web'], 'crm:bulk:referrals')).toBe(false);
  });

  it('allows nothing without scopes', () => expect(scopeAllows([], 'command:getEventOperation')).toBe(false));
});

describe('unknownScopes', () => {
  const operations = new Set(['command:blockCustomers', 'crm:purchases', 'crm:bulk:web']);

  it('accepts known operations and the two wildcards', () => {
    expect(unknownScopes(['command:blockCustomers', 'crm:bulk:web', 'command:*', 'crm:*'], operations)).toEqual([]);
  });

  it('lists every name that is neither', () => {
    expect(unknownScopes(['command:makeCoffee', 'crm:bulk:*', '*', 'crm:purchases'], operations)).toEqual(['command:makeCoffee', 'crm:bulk:*', '*']);
  });
});
