import { INestApplication, Logger as NestLogger, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { COMMAND_COMPONENTS } from './apis/command-api/wire/command-catalogue';
import { CRM_COMPONENTS } from './apis/crm-api/wire/crm-components';
import { AllExceptionsFilter, sendError } from './common/http/all-exceptions.filter';
import { useJsonBodies } from './common/http/body-parsing';
import { ERROR_SCHEMAS } from './common/http/error-schemas';
import { AppError, ErrorCode } from './common/errors';
import { AppConfig } from './config';
import { GETTING_STARTED } from './docs/getting-started';
import { EngineMetrics } from './metrics/engine-metrics';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { mountQueueBoard } from './queue-board/queue-board';
import { ADMIN_BASIC_SCHEME, QUEUE_BOARD_PATHS } from './queue-board/queue-board-docs';

/** What a worker process answers over HTTP. */
const WORKER_PATHS = ['/health', '/metrics'];

/** Everything main.ts and the e2e tests both need on the app: bodies, errors, logs, metrics, queue board, docs. */
export function configureApp(app: INestApplication): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  // Nest replays the start-up lines it buffered only in listen(); an app that is only initialised (tests, tools) would lose them.
  app.flushLogs();
  app.use(httpMetricsMiddleware(app.get(EngineMetrics)));
  if (!config.servesApi) onlyWorkerPaths(app);
  useJsonBodies(app);
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));
  app.enableShutdownHooks();
  if (config.servesApi) {
    mountQueueBoard(app);
    setUpDocs(app);
  }
}

function onlyWorkerPaths(app: INestApplication): void {
  const logger = new NestLogger('WorkerHttp');
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (WORKER_PATHS.includes(request.path)) return next();
    sendError(request, response, new AppError(ErrorCode.NotFound, 'A worker serves only /health and /metrics'), logger);
  });
}

function setUpDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('bonus-engine')
    .setDescription(GETTING_STARTED)
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'The engine that serves this document')
    .setVersion('1.0')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'CRM token from POST /crm/login' }, 'crm-token')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'api_key' }, 'crm-api-key')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, for GET /metrics' }, 'metrics-token')
    .addBasicAuth({ type: 'http', scheme: 'basic', description: 'Admin pages in a browser: any user name, the admin API key as password' }, ADMIN_BASIC_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.paths = { ...document.paths, ...QUEUE_BOARD_PATHS };
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...ERROR_SCHEMAS, ...COMMAND_COMPONENTS, ...CRM_COMPONENTS } };
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { deepLinking: true, displayOperationId: true, filter: true },
  });
}
