import { randomUUID } from 'crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../../config';
import { maskUrl, maskValue, REDACTED_PATHS } from './mask';

/** Structured JSON logs with a request id (`X-Request-Id` if the caller sent one); secrets, PII and bonus-window tokens masked. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req, res) => {
              const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            redact: { paths: REDACTED_PATHS, censor: maskValue },
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            autoLogging: { ignore: (req) => req.url === '/health' },
            serializers: { req: (req) => ({ id: req.id, method: req.method, url: maskUrl(req.url), headers: req.headers }) },
          },
        }),
      ],
    };
  }
}
