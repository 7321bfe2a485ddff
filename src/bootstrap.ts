import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { checkRedis } from './common/redis/check-redis';
import { AppConfig } from './config';
import { configureApp } from './configure-app';
import { ensureDatabase } from './database/ensure-database';
import { runMigrations } from './database/run-migrations';
import { applyServerLimits } from './server-limits';

/**
 * Start-up order: reach MariaDB (creating the database if missing) and Redis, apply pending
 * migrations, then build the app. Any failure before Nest starts is a StartupError: one line.
 */
export async function createApplication(config: AppConfig): Promise<INestApplication> {
  await ensureDatabase(config);
  await checkRedis(config);
  await runMigrations(config);
  const app = await NestFactory.create(AppModule.forRoot(config), { bodyParser: false, bufferLogs: true, abortOnError: false });
  configureApp(app);
  applyServerLimits(app.getHttpServer(), config.http);
  return app;
}
