import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bull';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bull';
import { ENGINE_QUEUES } from '../common/queue/queues';
import { adminBrowserAuth, ApiClientsService } from '../modules/api-clients';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** Bull Board over every queue of the engine, for admins only (admin key as header or browser login). */
export function mountQueueBoard(app: INestApplication): void {
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: ENGINE_QUEUES.map((name) => new BullAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'bonus-engine' } },
  });
  app.use(QUEUE_BOARD_PATH, adminBrowserAuth(app.get(ApiClientsService)), board.getRouter());
}
