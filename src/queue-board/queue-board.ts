import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bull';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bull';
import { QUEUES } from '../common/queue/queues';
import { adminBrowserAuth } from '../modules/api-clients/admin-browser-auth';
import { ApiClientsService } from '../modules/api-clients/api-clients.service';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** Bull Board over every queue of the engine, for admins only (admin key as header or browser login). */
export function mountQueueBoard(app: INestApplication): void {
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'bonus-engine' } },
  });
  app.use(QUEUE_BOARD_PATH, adminBrowserAuth(app.get(ApiClientsService)), board.getRouter());
}
