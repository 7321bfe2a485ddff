import { EntityManager } from 'typeorm';
import { CommandEventIdsService, CommandRunsService, NewCommandItem } from '../../command-runs';
import { CustomersService } from '../customers.service';
import { AcceptedItem, AddCommandService, AddItemValidation } from './add-command.service';
import { success } from './customer-command-result';
import { CustomerItemEffects } from './customer-item-effects';

/** An add… command over numbers: a positive number is valid; its answer names its place among the valid ones. */
class AddNumbers extends AddCommandService<number> {
  readonly command = 'addNumbers';
  prepared: number[][] = [];

  protected validate(raw: unknown): AddItemValidation<number> {
    const value = (raw as { n?: unknown } | null)?.n;
    return typeof value === 'number' && value > 0 ? { ok: true, item: value } : { ok: false, error: 'Invalid n', login: 'who', guid: null };
  }

  protected refusedKey(eventId: string | null, login: string | null): string | null {
    return eventId ?? login;
  }

  protected async prepare(valid: number[]) {
    this.prepared.push(valid);
    return (item: number, raw: Record<string, unknown>, n: number): AcceptedItem => ({
      status: success(`valid-${n}`, null), itemKey: String(raw.eventId), payload: { item },
    });
  }

  process(_manager: EntityManager) {
    return Promise.resolve([]);
  }
}

describe('AddCommandService.accept (step 1 of the add… commands)', () => {
  const started: Array<{ type: string; items: NewCommandItem[] }> = [];
  const runs = { startRun: async (_client: string, type: string, items: NewCommandItem[]) => (started.push({ type, items }), 'command-1') };
  const service = new AddNumbers(runs as unknown as CommandRunsService, {} as CustomersService, {} as CommandEventIdsService, {} as CustomerItemEffects);

  it('answers every item in order, stores refused ones as rejected and looks the valid ones up once', async () => {
    const longId = 'x'.repeat(300);
    const accepted = await service.accept('7', [{ n: 1, eventId: 'a' }, { n: -1, eventId: longId }, null, { n: 2, eventId: 'b' }]);

    expect(accepted.commandId).toBe('command-1');
    expect(accepted.results).toEqual([
      success('valid-0', null),
      { login: 'who', guid: null, status: 'Failure', error: { typeOfError: 'wrongParam', description: 'Invalid n' } },
      { login: 'who', guid: null, status: 'Failure', error: { typeOfError: 'wrongParam', description: 'Invalid n' } },
      success('valid-1', null),
    ]);
    expect(service.prepared).toEqual([[1, 2]]);
    expect(started).toEqual([{
      type: 'addNumbers',
      items: [
        { itemKey: 'a', payload: { item: 1 } },
        { itemKey: 'x'.repeat(191), payload: null, state: 'rejected', error: 'Invalid n' },
        { itemKey: 'who', payload: null, state: 'rejected', error: 'Invalid n' },
        { itemKey: 'b', payload: { item: 2 } },
      ],
    }]);
  });
});
