import { parseRequeueSelection } from './requeue-selection';

const ID = '0123456789ABCDEF0123456789ABCDEF';

describe('parseRequeueSelection', () => {
  it('reads event ids, upper-cased and once each', () => {
    expect(parseRequeueSelection({ ids: [ID, ID.toLowerCase()] })).toEqual({ ok: true, value: { ids: [ID] } });
  });

  it('reads failed events of a period, offsets applied and UTC without one', () => {
    expect(parseRequeueSelection({ state: 'failed', from: '2026-12-01T10:00:00+03:00', to: '2026-12-01T08:00:00' })).toEqual({
      ok: true, value: { state: 'failed', from: new Date('2026-12-01T07:00:00Z'), to: new Date('2026-12-01T08:00:00Z') },
    });
  });

  it.each([
    [{}, ["state must be 'failed' (or give ids)", 'from must be an ISO-8601 date-time', 'to must be an ISO-8601 date-time']],
    [{ ids: [ID], state: 'failed' }, ['give either ids or state, from and to']],
    [{ ids: [] }, ['ids must be a list of 1 to 1000 event ids']],
    [{ ids: ID }, ['ids must be a list of 1 to 1000 event ids']],
    [{ ids: Array(1001).fill(ID) }, ['ids must be a list of 1 to 1000 event ids']],
    [{ ids: [ID, 42] }, ['ids[1] is not an event id (32 hexadecimal characters)']],
    [{ ids: ["' OR 1=1 --"] }, ['ids[0] is not an event id (32 hexadecimal characters)']],
    [{ state: 'processed', from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' }, ["state must be 'failed' (or give ids)"]],
    [{ state: 'failed', from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' }, ['to must not be before from']],
    [{ state: 'failed', from: 'yesterday', to: 20261201 }, ['from must be an ISO-8601 date-time', 'to must be an ISO-8601 date-time']],
  ])('refuses %j', (body, errors) => expect(parseRequeueSelection(body)).toEqual({ ok: false, errors }));
});
