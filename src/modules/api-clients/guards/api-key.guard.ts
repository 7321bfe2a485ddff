import { Injectable } from '@nestjs/common';
import { integratorOnly, missingApiKey } from '../api-clients.errors';
import { AuthenticatedClient } from '../authenticated-client';
import { ClientKeyGuard, xApiKey } from './client-key.guard';

/** `X-Api-Key` of an active integrator client (Command API); admin keys are for /admin only. */
@Injectable()
export class ApiKeyGuard extends ClientKeyGuard {
  protected keyOf = xApiKey;

  protected refusal(client: AuthenticatedClient | null) {
    return !client ? missingApiKey() : client.role !== 'integrator' ? integratorOnly() : null;
  }
}
