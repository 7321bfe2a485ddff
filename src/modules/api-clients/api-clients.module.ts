import { Global, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminClientsController } from './admin-clients.controller';
import { ApiClientsService } from './api-clients.service';
import { ApiKeyCache } from './api-key-cache';
import { ApiClientEntity } from './entities/api-client.entity';
import { CrmTokenEntity } from './entities/crm-token.entity';
import { AdminGuard } from './guards/admin.guard';
import { ApiKeyGuard } from './guards/api-key.guard';
import { ClientThrottlerGuard } from './guards/client-throttler.guard';
import { CrmApiKeyGuard } from './guards/crm-api-key.guard';
import { CrmTokenGuard } from './guards/crm-token.guard';
import { RateLimitsModule } from './rate-limits';
import { ScopeCatalogue } from './scope-catalogue';

/** Global so every controller can use the guards. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiClientEntity, CrmTokenEntity]), RateLimitsModule],
  controllers: [AdminClientsController],
  providers: [ApiClientsService, ApiKeyCache, ScopeCatalogue, ClientThrottlerGuard, ApiKeyGuard, AdminGuard, CrmTokenGuard, CrmApiKeyGuard],
  exports: [ApiClientsService, ScopeCatalogue, ClientThrottlerGuard, ApiKeyGuard, AdminGuard, CrmTokenGuard, CrmApiKeyGuard],
})
export class ApiClientsModule implements OnApplicationBootstrap {
  constructor(private readonly clients: ApiClientsService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.clients.ensureAdminClient();
  }
}
