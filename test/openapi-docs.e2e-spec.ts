import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { QUEUE_BOARD_PATH } from '../src/queue-board/queue-board';
import { invalidExamples } from './support/openapi-examples';
import { createTestApp, TestContext } from './support/test-app';

const ROOT = path.resolve(__dirname, '..');

interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: Array<{ pointer: string }>;
}

/** `redocly lint` of a document with the committed redocly.yaml (recommended rules, named exceptions). */
function lint(document: unknown): LintProblem[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--config', path.join(ROOT, 'redocly.yaml'), '--format', 'json'],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, timeout: 120000 },
    );
    const start = run.stdout.indexOf('{');
    if (start < 0) throw new Error(`redocly lint printed no report:\n${run.stdout}\n${run.stderr}`);
    return (JSON.parse(run.stdout.slice(start)) as { problems: LintProblem[] }).problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('The OpenAPI document at /docs-json', () => {
  let ctx: TestContext;
  let document: Record<string, any>;

  beforeAll(async () => {
    ctx = await createTestApp();
    document = (await ctx.http().get('/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  it('passes `redocly lint` with the recommended rules: no error, no warning', () => {
    const problems = lint(document).map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
    expect(problems).toEqual([]);
  }, 180000);

  it('has examples that all validate against their own schemas', () => {
    expect(invalidExamples(document)).toEqual([]);
  });

  it('names the server that serves it and asks no credential of the public routes', () => {
    expect(document.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    for (const [route, method] of [['/health', 'get'], ['/bonus/{token}', 'get'], ['/api/bonus-window/{token}', 'get'], ['/crm/login', 'post']]) {
      expect({ route, security: document.paths[route][method].security }).toEqual({ route, security: [] });
    }
    expect(Object.keys(document.paths['/bonus/{token}'].get.responses['200'].content)).toEqual(['text/html']);
    expect(Object.keys(document.paths[QUEUE_BOARD_PATH].get.responses['200'].content)).toEqual(['text/html']);
  });

  it('types the admin answers: the once-shown apiKey, the event, free-form directory attributes, nullable account numbers', () => {
    const schemas = document.components.schemas;
    const answer = (route: string, method: string, status: string) => document.paths[route][method].responses[status].content['application/json'].schema;
    expect(answer('/admin/clients', 'post', '201')).toEqual({ $ref: '#/components/schemas/CreatedApiClientDto' });
    expect(schemas.CreatedApiClientDto.required).toContain('apiKey');
    expect(answer('/admin/events/{id}', 'get', '200')).toEqual({ $ref: '#/components/schemas/EventDetailDto' });
    expect(answer('/admin/rules', 'post', '201')).toEqual({ $ref: '#/components/schemas/RewardRuleDto' });
    expect(answer('/admin/directories/{kind}', 'post', '201')).toEqual({ $ref: '#/components/schemas/DirectoryEntryDto' });
    expect(schemas.DirectoryEntryDto.properties.attributes).toMatchObject({ type: 'object', additionalProperties: true, nullable: true });
    expect(schemas.CustomerDto.properties.accountNumber).toMatchObject({ type: 'string', nullable: true });
    expect(schemas.AccountDetailsDto.properties.number).toMatchObject({ type: 'string', nullable: true });
  });

  it('documents every error status of the admin routes in the AdminApiError envelope', () => {
    for (const [route, item] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      if (!route.startsWith('/admin/') || route === QUEUE_BOARD_PATH) continue; // the board is a page: 200 or a login prompt
      for (const [method, operation] of Object.entries(item)) {
        const errors = Object.keys(operation.responses).filter((status) => status >= '400');
        expect({ route, method, errors: errors.filter((s) => ['401', '403', '429', '503'].includes(s)) })
          .toEqual({ route, method, errors: ['401', '403', '429', '503'] });
        for (const status of errors) {
          expect(operation.responses[status].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AdminApiError' });
        }
      }
    }
  });

  it('opens with a getting-started guide naming the operation of each first step', () => {
    const guide: string = document.info.description;
    const steps = ['createApiClient', 'createDirectoryEntry', 'attributes.currency', 'createCustomer', 'createRule', 'simulateRules',
      'loadCustomerEventsExt', 'getEventOperation', 'getBalanceCustomersExt'];
    const at = steps.map((step) => guide.indexOf(step));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const operationIds = new Set(Object.values(document.paths as Record<string, Record<string, any>>).flatMap((item) => Object.values(item).map((o) => o.operationId)));
    for (const [, id] of guide.matchAll(/\]\(#\/[^/)]+\/(\w+)\)/g)) expect({ id, known: operationIds.has(id) }).toEqual({ id, known: true });
  });
});

describe('The example check', () => {
  const document = {
    components: {
      schemas: {
        Account: {
          type: 'object', required: ['number'],
          properties: { number: { type: 'string', nullable: true, example: null }, balance: { type: 'string', example: 12 } },
        },
      },
    },
    paths: {
      '/accounts/{number}': {
        get: {
          parameters: [{ name: 'number', in: 'path', schema: { type: 'string', pattern: '^ACR\\d{10}$' }, example: 'ACR1' }],
          responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Account' }, examples: { one: { value: { number: 'ACR0000000001', balance: '1.00' } }, none: { value: {} } } } } } },
        },
      },
    },
  };

  it('finds schema, parameter and media-type examples that do not match, and takes nullable as admitting null', () => {
    expect(invalidExamples(document).map((f) => f.at)).toEqual([
      '#/components/schemas/Account/properties/balance/example',
      '#/paths/~1accounts~1{number}/get/parameters/0/example',
      '#/paths/~1accounts~1{number}/get/responses/200/content/application~1json/examples/none',
    ]);
  });
});
