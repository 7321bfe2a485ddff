import { execFile } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { createTestApp, listenOnFreePort, TestContext } from './support/test-app';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');
const GENERATED = path.join(ROOT, 'examples/generated');
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
const TSC_OPTIONS = ['--noEmit', '--strict', '--esModuleInterop', '--skipLibCheck', '--module', 'commonjs', '--target', 'ES2022', '--moduleResolution', 'node', '--types', 'node'];

async function typeCheck(file: string): Promise<{ ok: boolean; output: string }> {
  try {
    await run(bin('tsc'), [...TSC_OPTIONS, file], { cwd: ROOT });
    return { ok: true, output: '' };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { ok: false, output: `${stdout}${stderr}` };
  }
}

/** An integrator's programme, typed from the live /docs-json with openapi-typescript and run with openapi-fetch. */
describe('Integrator flow against the generated client', () => {
  let ctx: TestContext;
  let baseUrl: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    baseUrl = await listenOnFreePort(ctx);
    const docs = await fetch(`${baseUrl}/docs-json`);
    mkdirSync(GENERATED, { recursive: true });
    writeFileSync(path.join(GENERATED, 'docs.json'), await docs.text());
    await run(bin('openapi-typescript'), [path.join(GENERATED, 'docs.json'), '-o', path.join(GENERATED, 'bonus-engine-api.d.ts')], { cwd: ROOT });
  }, 120000);
  afterAll(() => ctx.app.close());

  it('type-checks examples/integrator-flow.ts against the generated types', async () => {
    const result = await typeCheck('examples/integrator-flow.ts');
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, 120000);

  it('refuses a misspelt typeOfCommand at compile time', async () => {
    writeFileSync(path.join(GENERATED, 'misspelt-command.ts'), [
      "import createClient from 'openapi-fetch';",
      "import type { paths } from './bonus-engine-api';",
      "const api = createClient<paths>({ baseUrl: 'http://localhost:3000' });",
      "export const call = api.POST('/api/commands', { body: { typeOfCommand: 'getBalanceCustomerExt', customers: [{ uniqId: '1' }] } });",
      '',
    ].join('\n'));
    const result = await typeCheck('examples/generated/misspelt-command.ts');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('getBalanceCustomerExt');
  }, 120000);

  it('runs the flow: CRM purchase and a loaded event earn 10 %, read back as the balance; a failure reads as CommandApiError', async () => {
    const { runIntegratorFlow } = await import('../examples/integrator-flow');
    const result = await runIntegratorFlow(baseUrl, ctx.adminKey);
    expect(result.balance).toBe('15.00');
    expect(result.failure).toEqual({ status: 'Failure', error: { typeOfError: 'wrongFormat', description: 'customers must not be empty' } });
  }, 60000);
});
