import { INestApplication, Logger } from '@nestjs/common';
import { json, NextFunction, Request, Response } from 'express';
import { sendError } from './all-exceptions.filter';

/** Big enough for 1000 events of either API with room to spare. */
export const BODY_LIMIT = '10mb';

/**
 * Strict JSON parsing in front of every route, with its failures (malformed JSON, too large)
 * answered in the route's own envelope rather than Express's HTML page.
 */
export function useJsonBodies(app: INestApplication): void {
  const logger = new Logger('BodyParser');
  app.use(json({ limit: BODY_LIMIT, strict: true, type: () => true }));
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (!error) return next();
    sendError(request, response, error, logger);
  });
}
