import { Logger } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { sendError } from '../../common/http/all-exceptions.filter';
import { ApiClientsService } from './api-clients.service';
import { missingApiKey } from './api-clients.errors';

const REALM = 'Basic realm="bonus-engine admin", charset="UTF-8"';

/**
 * Admin pages a browser opens: the admin key as `X-Api-Key` or as the password of HTTP Basic
 * authentication (any user name), so the browser asks for it. Anything else is 401 with a challenge.
 */
export function adminBrowserAuth(clients: ApiClientsService) {
  const logger = new Logger('AdminBrowserAuth');
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    try {
      const client = await clients.authenticateKey(headerKey(request) ?? basicPassword(request));
      if (client?.role === 'admin') return next();
      response.setHeader('WWW-Authenticate', REALM);
      sendError(request, response, missingApiKey(), logger);
    } catch (error) {
      next(error);
    }
  };
}

function headerKey(request: Request): string | undefined {
  const key = request.headers['x-api-key'];
  return typeof key === 'string' ? key : undefined;
}

function basicPassword(request: Request): string | undefined {
  const encoded = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : undefined;
}
