import { readFileSync } from 'fs';
import * as path from 'path';

export type Verifier = (secret: string, headers: Record<string, unknown>, rawBody: string) => boolean;

/** The signature check exactly as README.md documents it (the ```js block defining verifyWebhook). */
export function documentedVerifier(): Verifier {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const block = /```js\n([\s\S]*?function verifyWebhook[\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no verifyWebhook snippet');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('require', `${block[1]}\nreturn verifyWebhook;`)(require) as Verifier;
}
