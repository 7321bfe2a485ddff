import { Global, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminClientsController } from './admin-clients.controller';
import { ApiClientsService } from './api-clients.service';
import { ApiClientEntity } from './entities/api-client.entity';
import { CrmTokenEntity } from './entities/crm-token.entity';
import { AdminGuard } from './guards/admin.guard';
import { ApiKeyGuard } from './guards/api-key.guard';
import { ClientThrottlerGuard } from './guards/client-throttler.guard';
import { CrmTokenGuard } from './guards/crm-token.guard';
import { RateLimitsModule } from './rate-limits';

/** Global so every controller can use the guards. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiClientEntity, CrmTokenEntity]), RateLimitsModule],
  controllers: [AdminClientsController],
  providers: [ApiClientsService, ClientThrottlerGuard, ApiKeyGuard, AdminGuard, CrmTokenGuard],
  exports: [ApiClientsService, ClientThrottlerGuard, ApiKeyGuard, AdminGuard, CrmTokenGuard],
})
export class ApiClientsModule implements OnApplicationBootstrap {
  constructor(private readonly clients: ApiClientsService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.clients.ensureAdminClient();
  }
}
