import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { maskUrl } from '../logging/mask';
import { apiStyleOf } from './api-style';
import { INTERNAL_ERROR, renderError, RETRY_AFTER_SECONDS, toAppError } from './error-envelope';

/** The one global filter: answers every error in the envelope of the route's API style, never with a stack trace. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    sendError(request, response, exception, this.logger);
  }
}

export function sendError(request: Request, response: Response, exception: unknown, logger: Logger): void {
  const appError = toAppError(exception);
  if (!appError) logger.error({ err: exception, path: maskUrl(request.path) }, 'Unhandled error');
  const { status, body } = renderError(apiStyleOf(request.originalUrl ?? request.url), appError ?? INTERNAL_ERROR);
  if (response.headersSent) return;
  if (status === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  response.status(status).json(body);
}
