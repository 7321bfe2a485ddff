import { INestApplication, Logger } from '@nestjs/common';
import { json, NextFunction, Request, Response } from 'express';
import { AppError, ErrorCode } from '../errors';
import { sendError } from './all-exceptions.filter';
import { MAX_JSON_NESTING, nestsDeeperThan } from './json-nesting';

/** Big enough for 1000 events of either API with room to spare. */
export const BODY_LIMIT = '10mb';

/**
 * Strict JSON parsing in front of every route, with its failures (malformed JSON, too large,
 * nested deeper than MAX_JSON_NESTING) answered in the route's own envelope rather than Express's HTML page.
 */
export function useJsonBodies(app: INestApplication): void {
  const logger = new Logger('BodyParser');
  app.use(json({ limit: BODY_LIMIT, strict: true, type: () => true, verify: refuseDeepNesting }));
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (!error) return next();
    sendError(request, response, error, logger);
  });
}

function refuseDeepNesting(_request: unknown, _response: unknown, raw: Buffer): void {
  if (nestsDeeperThan(raw, MAX_JSON_NESTING)) {
    throw new AppError(ErrorCode.WrongFormat, `The request body is nested deeper than ${MAX_JSON_NESTING} levels`);
  }
}
