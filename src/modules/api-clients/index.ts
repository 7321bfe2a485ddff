export { adminBrowserAuth } from './admin-browser-auth';
export { ApiClientsModule } from './api-clients.module';
export { ApiClientsService } from './api-clients.service';
export { hashSecret } from './api-key-hash';
export type { AuthenticatedClient } from './authenticated-client';
export { AdminGuard } from './guards/admin.guard';
export { ApiKeyGuard } from './guards/api-key.guard';
export { CrmTokenGuard } from './guards/crm-token.guard';
export { CurrentClient } from './guards/current-client.decorator';
