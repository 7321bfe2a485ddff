import { CustomerIndex, KnownCustomer, matchPointMessage, matchQuickBonus, PointMessageIdentity } from './customer-matching';

const customer = (id: string, fields: Partial<KnownCustomer> = {}): KnownCustomer => ({
  id, guid: null, uniqId: null, email: null, phone: null, status: 'active', ...fields,
});
const item = (fields: Partial<PointMessageIdentity>): PointMessageIdentity => ({
  uniqId: 'login', guid: 'g-new', guidGiven: false, email: null, phone: null, info: null, ...fields,
});
const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('matchPointMessage (seed 001 FAQ)', () => {
  it('§3.1: only identity fields for an unknown uniqId create a new customer', () => {
    const index = new CustomerIndex([]);
    const decision = matchPointMessage(index, item({ uniqId: 'u1', phone: '79160000001', email: 'a@example.com' }), ids());
    expect(decision).toEqual({
      kind: 'apply', customerId: 'new-1', status: 'new', change: null,
      create: { id: 'new-1', guid: 'g-new', uniqId: 'u1', email: 'a@example.com', phone: '79160000001', info: null, status: 'new' },
    });
    expect(index.byUniqId('U1')?.id).toBe('new-1');
  });

  it('FAQ 3: a new phone that nobody has replaces the old one', () => {
    const index = new CustomerIndex([customer('c1', { uniqId: 'u1', phone: '79160000001' })]);
    const decision = matchPointMessage(index, item({ uniqId: 'u1', phone: '79160000002' }), ids());
    expect(decision).toMatchObject({ kind: 'apply', customerId: 'c1', change: { phone: '79160000002', guid: 'g-new' } });
    expect(index.byPhone('79160000002')?.id).toBe('c1');
    expect(index.byPhone('79160000001')).toBeUndefined();
  });

  it("FAQ 3: a phone of another customer is not taken and the item is refused", () => {
    const index = new CustomerIndex([customer('c1', { uniqId: 'u1', phone: '79160000001' }), customer('c2', { uniqId: 'u2', phone: '79160000002' })]);
    expect(matchPointMessage(index, item({ uniqId: 'u1', phone: '79160000002', email: 'x@example.com' }), ids()))
      .toEqual({ kind: 'reject', error: 'Phone number belongs to another customer', customerId: 'c1' });
    expect(index.byPhone('79160000002')?.id).toBe('c2');
    expect(index.byEmail('x@example.com')).toEqual([]);
  });

  it('FAQ 4: a new uniqId with the phone of an existing customer creates nobody', () => {
    const index = new CustomerIndex([customer('c1', { uniqId: 'u1', phone: '79160000001' })]);
    expect(matchPointMessage(index, item({ uniqId: 'u-new', phone: '79160000001' }), ids()))
      .toEqual({ kind: 'reject', error: 'Phone number belongs to another customer', customerId: null });
    expect(index.byUniqId('u-new')).toBeUndefined();
  });

  it("FAQ 5: a new email replaces the customer's even when another customer has it", () => {
    const index = new CustomerIndex([customer('c1', { uniqId: 'u1', email: 'old@example.com' }), customer('c2', { uniqId: 'u2', email: 'shared@example.com' })]);
    expect(matchPointMessage(index, item({ uniqId: 'u1', email: 'shared@example.com' }), ids()))
      .toMatchObject({ kind: 'apply', customerId: 'c1', change: { email: 'shared@example.com' } });
    expect(index.byEmail('shared@example.com').map((c) => c.id)).toEqual(['c2', 'c1']);
  });

  it('FAQ 7: a new uniqId with the email of an existing customer creates nobody and goes to the oldest such customer', () => {
    const index = new CustomerIndex([customer('c1', { uniqId: 'u1', email: 'Shared@example.com' }), customer('c2', { uniqId: 'u2', email: 'shared@example.com' })]);
    expect(matchPointMessage(index, item({ uniqId: 'u-new', email: 'shared@example.com' }), ids()))
      .toEqual({ kind: 'apply', customerId: 'c1', status: 'active', create: null, change: null });
    expect(index.byUniqId('u-new')).toBeUndefined();
  });

  it('§3.4: a blocked customer gets nothing', () => {
    const index = new CustomerIndex([customer('c1', { uniqId: 'u1', status: 'blocked' })]);
    expect(matchPointMessage(index, item({ uniqId: 'u1', phone: '79160000009' }), ids()))
      .toEqual({ kind: 'reject', error: 'Customer is blocked', customerId: 'c1' });
    const viaEmail = new CustomerIndex([customer('c1', { uniqId: 'u1', email: 'b@example.com', status: 'blocked' })]);
    expect(matchPointMessage(viaEmail, item({ uniqId: 'u-new', email: 'b@example.com' }), ids()))
      .toEqual({ kind: 'reject', error: 'Customer is blocked', customerId: 'c1' });
  });

  it('finds the customer by the GUID sent (any case) and gives it a free new login', () => {
    const index = new CustomerIndex([customer('c1', { guid: 'g1', uniqId: 'old' })]);
    expect(matchPointMessage(index, item({ uniqId: 'renamed', guid: 'G1', guidGiven: true, info: 'note' }), ids()))
      .toMatchObject({ kind: 'apply', customerId: 'c1', change: { uniqId: 'renamed', info: 'note' } });
    expect(index.byUniqId('renamed')?.id).toBe('c1');
  });

  it('refuses a GUID and a uniqId that name different customers', () => {
    const index = new CustomerIndex([customer('c1', { guid: 'g1', uniqId: 'u1' }), customer('c2', { guid: 'g2', uniqId: 'u2' })]);
    expect(matchPointMessage(index, item({ uniqId: 'u2', guid: 'g1', guidGiven: true }), ids()))
      .toEqual({ kind: 'reject', error: 'uniqId belongs to another customer', customerId: 'c1' });
    expect(matchPointMessage(index, item({ uniqId: 'u2', guid: 'g3', guidGiven: true }), ids()))
      .toEqual({ kind: 'reject', error: 'uniqId belongs to another customer', customerId: 'c2' });
  });

  it('lets a later item of the same command see the customer an earlier one created', () => {
    const index = new CustomerIndex([]);
    const next = ids();
    matchPointMessage(index, item({ uniqId: 'u1', phone: '79160000001' }), next);
    expect(matchPointMessage(index, item({ uniqId: 'u1' }), next)).toMatchObject({ kind: 'apply', customerId: 'new-1', create: null });
    expect(matchPointMessage(index, item({ uniqId: 'u2', phone: '79160000001' }), next)).toMatchObject({ kind: 'reject' });
  });
});

describe('matchQuickBonus', () => {
  it('finds the customer by any reference', () => {
    const index = new CustomerIndex([customer('c1', { guid: 'g1', uniqId: 'u1', phone: '79160000001', email: 'a@example.com', status: 'new' })]);
    for (const reference of [{ by: 'guid', value: 'g1' }, { by: 'uniqId', value: 'U1' }, { by: 'phone', value: '79160000001' }, { by: 'email', value: 'a@example.com' }] as const) {
      expect(matchQuickBonus(index, reference, 'g-new', ids())).toEqual({ kind: 'apply', customerId: 'c1', status: 'new', create: null, change: null });
    }
  });

  it('creates a missing customer as active with that identifier', () => {
    const index = new CustomerIndex([]);
    expect(matchQuickBonus(index, { by: 'phone', value: '79160000001' }, 'g-new', ids())).toEqual({
      kind: 'apply', customerId: 'new-1', status: 'active', change: null,
      create: { id: 'new-1', guid: 'g-new', uniqId: null, email: null, phone: '79160000001', info: null, status: 'active' },
    });
    expect(matchQuickBonus(index, { by: 'guid', value: 'g7' }, 'g-other', ids())).toMatchObject({ create: { guid: 'g7' } });
  });

  it('refuses blocked customers and emails shared by several customers', () => {
    const index = new CustomerIndex([
      customer('c1', { uniqId: 'u1', status: 'blocked' }), customer('c2', { email: 's@example.com' }), customer('c3', { email: 's@example.com' }),
    ]);
    expect(matchQuickBonus(index, { by: 'uniqId', value: 'u1' }, 'g', ids())).toEqual({ kind: 'reject', error: 'Customer is blocked', customerId: 'c1' });
    expect(matchQuickBonus(index, { by: 'email', value: 's@example.com' }, 'g', ids()))
      .toEqual({ kind: 'reject', error: 'Email belongs to more than one customer', customerId: null });
  });
});
