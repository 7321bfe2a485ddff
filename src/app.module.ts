import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommandApiModule } from './apis/command-api/command-api.module';
import { CrmApiModule } from './apis/crm-api/crm-api.module';
import { LoggingModule } from './common/logging/logging.module';
import { QueueLoggingModule } from './common/queue/queue-logging.module';
import { RedisModule } from './common/redis/redis.module';
import { AppConfig, ConfigModule } from './config';
import { ServerSizesCheck } from './database/check-server-sizes';
import { dataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { ApiClientsModule } from './modules/api-clients';
import { BonusAccountsModule, BonusAccountsProcessorsModule } from './modules/bonus-accounts';
import { CommandRunsModule, CommandRunsProcessorsModule } from './modules/command-runs';
import { CustomerEventsModule, CustomerEventsProcessorsModule } from './modules/customer-events';
import { CustomersModule } from './modules/customers';
import { DirectoriesModule } from './modules/directories';
import { RewardsRulesModule } from './modules/rewards-rules';
import { WebhooksModule, WebhooksProcessorsModule } from './modules/webhooks';

/** The Bull processors; loaded only where ROLE runs background work (all, worker). */
const PROCESSOR_MODULES: Array<Type | DynamicModule> = [
  CustomerEventsProcessorsModule,
  CommandRunsProcessorsModule.forHandlers(CustomersModule),
  BonusAccountsProcessorsModule,
  WebhooksProcessorsModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config), migrationsRun: false }),
        BullModule.forRoot({
          prefix: config.queuePrefix,
          redis: { host: config.redis.host, port: config.redis.port, db: config.redis.db },
          // A crashed worker's jobs go back to the queue within ~20 s instead of Bull's default ~60 s.
          settings: { lockDuration: 15000, stalledInterval: 5000 },
        }),
        RedisModule,
        QueueLoggingModule,
        HealthModule,
        MetricsModule,
        ApiClientsModule,
        DirectoriesModule,
        CustomersModule,
        BonusAccountsModule,
        RewardsRulesModule,
        WebhooksModule,
        CustomerEventsModule,
        CommandRunsModule,
        CommandApiModule,
        CrmApiModule,
        ...(config.runsProcessors ? PROCESSOR_MODULES : []),
      ],
      providers: [ServerSizesCheck],
    };
  }
}
