import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter } from './common/http/all-exceptions.filter';
import { useJsonBodies } from './common/http/body-parsing';
import { ERROR_SCHEMAS } from './common/http/error-schemas';

/** Everything main.ts and the e2e tests both need on the app: bodies, errors, logs, docs. */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  // Nest replays the start-up lines it buffered only in listen(); a worker never listens.
  app.flushLogs();
  useJsonBodies(app);
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));
  app.enableShutdownHooks();
  setUpDocs(app);
}

function setUpDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('bonus-engine')
    .setDescription(
      'Loyalty and bonus-points engine. **Command API**: `POST /api/commands` with `X-Api-Key`. ' +
        '**CRM API** (CRM.COM-compatible): `POST /crm/login`, then the token as body field `token`, ' +
        '`Authorization: Bearer` or header `api_key`; the single purchase takes the API key itself in header `api_key`. ' +
        '**Admin**: `X-Api-Key` of an admin client, accepted only under `/admin`.',
    )
    .setVersion('1.0')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'CRM token from POST /crm/login' }, 'crm-token')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'api_key' }, 'crm-api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...ERROR_SCHEMAS } };
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
