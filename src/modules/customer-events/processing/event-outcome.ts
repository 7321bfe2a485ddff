import { EventState } from '../entities/customer-event.entity';

/** What processing decided for one event; written back to the register in one statement per chunk. */
export interface EventOutcome {
  id: string;
  state: EventState;
  customerId: string | null;
  accountId: string | null;
  points: string;
  error: string | null;
}

/** One UPDATE for a whole chunk of outcomes (CASE per column), instead of a statement per event. */
export function outcomeUpdate(outcomes: EventOutcome[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const column = (name: string, pick: (o: EventOutcome) => unknown) => {
    const cases = outcomes.map((o) => {
      params.push(o.id, pick(o));
      return 'WHEN ? THEN ?';
    });
    return `${name} = CASE id ${cases.join(' ')} END`;
  };
  const sets = [
    column('state', (o) => o.state),
    column('customer_id', (o) => o.customerId),
    column('account_id', (o) => o.accountId),
    column('points', (o) => o.points),
    column('error', (o) => o.error),
  ];
  params.push(outcomes.map((o) => o.id));
  return { sql: `UPDATE customer_events SET ${sets.join(', ')}, processed_at = CURRENT_TIMESTAMP(3) WHERE id IN (?)`, params };
}
