import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const BUILD_INPUTS = ['src', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Runs `npm run build` when dist/ is missing or older than any source or build setting. */
export function ensureBuilt(root: string, log: (line: string) => void): void {
  const main = path.join(root, 'dist', 'src', 'main.js');
  const built = fs.existsSync(main) ? fs.statSync(main).mtimeMs : 0;
  const sources = Math.max(...BUILD_INPUTS.map((input) => newestMtime(path.join(root, input))));
  if (built > sources) {
    log('dist/ is up to date');
    return;
  }
  log('building the app (npm run build)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`npm run build failed (exit ${result.status}):\n${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n')}`);
  }
}
