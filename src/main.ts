import 'reflect-metadata';
import { createApplication } from './bootstrap';
import { StartupError } from './common/startup-error';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApplication(config);
  if (config.servesHttp) {
    await app.listen(config.port);
    const base = `http://localhost:${config.port}`;
    process.stdout.write(`bonus-engine (${config.role}) listening on ${base} — API docs at ${base}/docs\n`);
  } else {
    await app.init();
    process.stdout.write('bonus-engine worker started (no HTTP)\n');
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
