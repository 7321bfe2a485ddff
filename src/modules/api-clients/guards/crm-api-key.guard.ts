import { Injectable } from '@nestjs/common';
import { invalidToken } from '../api-clients.errors';
import { AuthenticatedClient } from '../authenticated-client';
import { ClientKeyGuard } from './client-key.guard';

/** The CRM single purchase (seed 003): header `api_key` carries an integrator's API key itself, not a login token. */
@Injectable()
export class CrmApiKeyGuard extends ClientKeyGuard {
  protected keyOf(request: { headers: Record<string, unknown> }) {
    return typeof request.headers.api_key === 'string' ? request.headers.api_key : undefined;
  }

  protected refusal(client: AuthenticatedClient | null) {
    return !client || client.role !== 'integrator' ? invalidToken() : null;
  }
}
