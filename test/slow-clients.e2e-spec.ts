import { AddressInfo, connect, Socket } from 'net';
import { createTestApp, TestContext, waitFor } from './support/test-app';

/** A raw connection that records what the server answered and when it closed. */
function openConnection(port: number): Promise<{ socket: Socket; answer: () => string; closedAfter: () => number | null }> {
  return new Promise((resolve, reject) => {
    const opened = Date.now();
    let answer = '';
    let closedAt: number | null = null;
    const socket = connect(port, '127.0.0.1', () => resolve({ socket, answer: () => answer, closedAfter: () => (closedAt === null ? null : closedAt - opened) }));
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('close', () => (closedAt = Date.now()));
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

const trickle = (socket: Socket, everyMs: number) => {
  const timer = setInterval(() => !socket.destroyed && socket.write('x'), everyMs);
  socket.on('close', () => clearInterval(timer));
};

describe('Slow clients', () => {
  let ctx: TestContext;
  let port: number;

  beforeAll(async () => {
    ctx = await createTestApp({ HTTP_REQUEST_TIMEOUT_MS: '2000', HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_MAX_CONNECTIONS: '30' });
    await ctx.app.listen(0, '127.0.0.1');
    port = (ctx.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => ctx.app.close());

  it('cuts a body trickling in at a byte every 300 ms with 408 once the request time is up', async () => {
    const client = await openConnection(port);
    client.socket.write('POST /api/commands HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n');
    trickle(client.socket, 300);
    const closedAfter = await waitFor(async () => client.closedAfter(), 10000, 'the server to close the slow connection');
    expect(client.answer()).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfter).toBeGreaterThanOrEqual(1900);
    expect(closedAfter).toBeLessThan(4500);
  });

  it('cuts headers that never end once the header time is up', async () => {
    const client = await openConnection(port);
    client.socket.write('GET /health HTTP/1.1\r\nHost: x\r\n');
    trickle(client.socket, 200);
    const closedAfter = await waitFor(async () => client.closedAfter(), 10000, 'the server to close the connection');
    expect(closedAfter).toBeLessThan(3500);
  });

  it('cannot be exhausted by slow connections: the cap refuses more, and all are cut in time', async () => {
    const slow = await Promise.all(Array.from({ length: 30 }, () => openConnection(port)));
    for (const client of slow) {
      client.socket.write('POST /api/commands HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n');
      trickle(client.socket, 300);
    }
    const extra = await openConnection(port);
    await waitFor(async () => extra.closedAfter() !== null, 2000, 'the connection over the cap to be refused');
    expect(extra.answer()).toBe('');
    await waitFor(async () => slow.every((client) => client.closedAfter() !== null), 10000, 'every slow connection to be cut');
    expect(Math.max(...slow.map((client) => client.closedAfter() as number))).toBeLessThan(5000);
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    expect(res.status).toBe(200);
  });
});
