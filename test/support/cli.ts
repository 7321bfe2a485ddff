import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

export interface CliRun {
  child: ChildProcess;
  /** Exit code (null when killed by a signal), standard output and error. */
  result: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Runs `bonus-engine …` from the sources, as a separate process that talks to the engine over HTTP. */
export function runCli(args: string[]): CliRun {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const result = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, result };
}
