import type { PathsObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { QUEUE_BOARD_PATH } from './queue-board';

/** The security scheme of the admin pages a browser opens: any user name, the admin API key as password. */
export const ADMIN_BASIC_SCHEME = 'admin-basic';

/**
 * The queue board in the API document. It is mounted on Express, outside Nest's routing, so the
 * document's generator does not see it and its one entry page is described here.
 */
export const QUEUE_BOARD_PATHS: PathsObject = {
  [QUEUE_BOARD_PATH]: {
    get: {
      operationId: 'openQueueBoard',
      summary: 'Bull Board over every queue: job counts, payloads, errors, retry of failed jobs (a page for browsers)',
      tags: ['Operations'],
      security: [{ 'api-key': [] }, { [ADMIN_BASIC_SCHEME]: [] }],
      responses: {
        200: { description: 'The board', content: { 'text/html': { schema: { type: 'string' } } } },
        401: {
          description: 'No admin key; the browser is asked for one (any user name, the admin key as password)',
          headers: { 'WWW-Authenticate': { description: 'The login prompt', schema: { type: 'string', example: 'Basic realm="bonus-engine admin", charset="UTF-8"' } } },
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/AdminApiError' },
              example: { statusCode: 401, error: 'Unauthorized', message: 'Missing or invalid API key' },
            },
          },
        },
      },
    },
  },
};
