import { CliError } from '../cli-error';
import { EngineAnswer, EngineHttp, errorText } from './engine-http';

export interface EventOutcome {
  eventId: string;
  state: 'pending' | 'processed' | 'rejected' | 'failed' | 'cancelled';
  points: string | null;
  error: string | null;
}

export type LoadAnswer =
  | { kind: 'accepted'; commandId: string }
  | { kind: 'itemErrors'; errors: Array<{ eventId: string | null; typeOfError?: string; description: string }> }
  | { kind: 'busy'; description: string };

/** The Command API calls the loader and the export make (`POST /api/commands`, `X-Api-Key`). */
export class CommandApi {
  constructor(
    private readonly http: EngineHttp,
    private readonly apiKey: string,
  ) {}

  private async call(body: Record<string, unknown>, retryNetworkErrors = true): Promise<EngineAnswer> {
    return this.http.post('/api/commands', body, { headers: { 'X-Api-Key': this.apiKey }, retryNetworkErrors });
  }

  /** Step 1 of loadCustomerEventsExt. Not resent after a network error: the caller finds out whether it was accepted. */
  async loadCustomerEventsExt(events: unknown[]): Promise<LoadAnswer> {
    const answer = await this.call({ typeOfCommand: 'loadCustomerEventsExt', events }, false);
    const body = answer.body;
    if (answer.status === 200 && body?.status === 'Success' && typeof body.commandId === 'string') return { kind: 'accepted', commandId: body.commandId };
    if (body?.error?.typeOfError === 'wrongData' && Array.isArray(body.errors) && body.errors.length > 0) return { kind: 'itemErrors', errors: body.errors };
    if (answer.status === 409 && body?.error?.typeOfError === 'notAllowed') return { kind: 'busy', description: body.error.description };
    throw wholeCallRejected('loadCustomerEventsExt', answer);
  }

  async eventsOfCommand(commandId: string): Promise<EventOutcome[]> {
    return this.events({ typeOfCommand: 'getEventOperation', commandId });
  }

  async eventsById(eventIds: string[]): Promise<EventOutcome[]> {
    return this.events({ typeOfCommand: 'getEventOperation', eventIds });
  }

  private async events(body: Record<string, unknown>): Promise<EventOutcome[]> {
    const answer = await this.call(body);
    if (answer.status !== 200 || !Array.isArray(answer.body?.events)) throw wholeCallRejected('getEventOperation', answer);
    return answer.body.events;
  }

  /** One page of getBonusOperationExt. */
  async bonusOperations(query: Record<string, unknown>): Promise<{ operations: Array<Record<string, unknown>>; nextCursor: string | null }> {
    const answer = await this.call({ typeOfCommand: 'getBonusOperationExt', ...query });
    if (answer.status !== 200 || !Array.isArray(answer.body?.operations)) throw wholeCallRejected('getBonusOperationExt', answer);
    return { operations: answer.body.operations, nextCursor: answer.body.nextCursor ?? null };
  }
}

/** A whole call refused (credentials, scope, format): the run cannot go on. */
export function wholeCallRejected(what: string, answer: EngineAnswer): CliError {
  const type = answer.body?.error?.typeOfError ?? answer.body?.status?.code ?? answer.body?.error;
  const hint = answer.status === 401 ? ' (check --api-key)' : answer.status === 403 ? ' (the API key may not use this API)' : '';
  return new CliError(`The engine refused ${what}: HTTP ${answer.status}${type ? ` ${type}` : ''}${errorText(answer.body)}${hint}`);
}
