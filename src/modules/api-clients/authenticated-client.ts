import { ApiClientRole } from './entities/api-client.entity';

/** Who is calling, as the guards put it on the request. */
export interface AuthenticatedClient {
  id: string;
  name: string;
  role: ApiClientRole;
  scopes: readonly string[];
  /** Own request limit per window; null = the default. */
  rateLimit: number | null;
}
