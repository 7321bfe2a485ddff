import 'reflect-metadata';
import { AddressInfo } from 'net';
import { createApplication } from './bootstrap';
import { StartupError } from './common/startup-error';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApplication(config);
  await app.listen(config.httpPort);
  const base = `http://localhost:${(app.getHttpServer().address() as AddressInfo).port}`;
  if (config.servesApi) {
    process.stdout.write(`bonus-engine (${config.role}) listening on ${base} — API docs at ${base}/docs\n`);
  } else {
    process.stdout.write(`bonus-engine worker started — ${base}/health and ${base}/metrics only\n`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`bonus-engine failed to start: ${(error as Error)?.message ?? String(error)}\n`);
  }
  process.exit(1);
});
