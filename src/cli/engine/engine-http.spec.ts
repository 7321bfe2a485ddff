import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { EngineHttp, NetworkError } from './engine-http';

describe('EngineHttp', () => {
  let server: Server;
  let url: string;
  let answers: Array<[number, unknown]>;
  let calls: number;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      calls++;
      const [status, body] = answers.shift() ?? [200, { ok: true }];
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    calls = 0;
    answers = [];
  });

  const retry = { retries: 3, baseDelayMs: 1, maxDelayMs: 5 };

  it('retries 503 and 429 answers and returns the first other answer', async () => {
    answers = [[503, { status: 'Failure', error: { typeOfError: 'serviceUnavailable', description: 'The database is busy' } }], [429, {}]];
    const answer = await new EngineHttp(url, retry).post('/api/commands', {});
    expect(answer).toEqual({ status: 200, body: { ok: true } });
    expect(calls).toBe(3);
  });

  it('does not retry an answer that refuses the call', async () => {
    answers = [[401, { status: 'Failure', error: { typeOfError: 'unauthorized', description: 'Invalid API key' } }]];
    expect((await new EngineHttp(url, retry).post('/api/commands', {})).status).toBe(401);
    expect(calls).toBe(1);
  });

  it('gives up after its retries with a message that names the last answer', async () => {
    answers = Array.from({ length: 4 }, () => [503, { status: 'Failure', error: { description: 'The database is busy' } }] as [number, unknown]);
    await expect(new EngineHttp(url, retry).post('/api/commands', {})).rejects.toThrow(
      `The engine at ${url} answered /api/commands with HTTP 503: The database is busy; gave up after 4 attempts`,
    );
    expect(calls).toBe(4);
  });

  it('reports a network error at once when the call must not be repeated blindly', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(new EngineHttp(`http://127.0.0.1:${port}`, retry).post('/api/commands', {}, { retryNetworkErrors: false }))
      .rejects.toThrow(new NetworkError(`Cannot reach the engine at http://127.0.0.1:${port} (ECONNREFUSED)`));
  });
});
