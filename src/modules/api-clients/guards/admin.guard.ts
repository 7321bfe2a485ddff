import { Injectable } from '@nestjs/common';
import { adminOnly, missingApiKey } from '../api-clients.errors';
import { AuthenticatedClient } from '../authenticated-client';
import { ClientKeyGuard, xApiKey } from './client-key.guard';

/** `X-Api-Key` of an admin client; integrator keys get 403. */
@Injectable()
export class AdminGuard extends ClientKeyGuard {
  protected keyOf = xApiKey;

  protected refusal(client: AuthenticatedClient | null) {
    return !client ? missingApiKey() : client.role !== 'admin' ? adminOnly() : null;
  }
}
