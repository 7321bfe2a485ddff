import { EventOutcome, outcomeUpdate } from './event-outcome';

const outcome = (id: string, extra: Partial<EventOutcome> = {}): EventOutcome => ({
  id, state: 'processed', customerId: 'c1', accountId: '7', points: '1.50', error: null, ...extra,
});

describe('outcomeUpdate', () => {
  it('joins the register to one typed row per event and sets every outcome column from it', () => {
    const { sql, params } = outcomeUpdate([outcome('a'), outcome('b', { state: 'rejected', points: '0.00', error: 'Customer is blocked' })]);
    expect(sql).toBe(
      'UPDATE customer_events e JOIN (' +
        'SELECT CAST(? AS CHAR(32)) AS id, CAST(? AS CHAR(10)) AS state, CAST(? AS CHAR(36)) AS customer_id, ' +
        'CAST(? AS UNSIGNED) AS account_id, CAST(? AS DECIMAL(18,2)) AS points, CAST(? AS CHAR(500)) AS error' +
        ' UNION ALL SELECT ?, ?, ?, ?, ?, ?' +
        ') o ON o.id = e.id SET e.state = o.state, e.customer_id = o.customer_id, e.account_id = o.account_id, ' +
        'e.points = o.points, e.error = o.error, e.processed_at = CURRENT_TIMESTAMP(3)',
    );
    expect(params).toEqual(['a', 'processed', 'c1', '7', '1.50', null, 'b', 'rejected', 'c1', '7', '0.00', 'Customer is blocked']);
  });

  it('grows by one row and six parameters per event, without a CASE list', () => {
    const outcomes = Array.from({ length: 500 }, (_, i) => outcome(`e${i}`));
    const { sql, params } = outcomeUpdate(outcomes);
    expect(sql.match(/UNION ALL/g)).toHaveLength(499);
    expect(sql).not.toContain('CASE');
    expect(params).toHaveLength(3000);
  });
});
