/** Masks personal data and secrets in log lines: `+7******4567`, `j***@example.com`, `be_Q2x***`. */
export function maskValue(value: unknown, path: string[]): unknown {
  if (typeof value !== 'string' || value === '') return value;
  const key = path[path.length - 1]?.toLowerCase() ?? '';
  if (key === 'email') {
    const at = value.indexOf('@');
    return at > 0 ? `${value[0]}***${value.slice(at)}` : '***';
  }
  if (key === 'phone') return value.length > 4 ? `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}` : '***';
  return value.length > 8 ? `${value.slice(0, 4)}***` : '***';
}

const PII_KEYS = ['phone', 'email', 'apiKey', 'api_key', 'token', 'passCode', 'pass_code'];

export const REDACTED_PATHS = [
  'req.headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers.api_key',
  ...PII_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];

/** A bonus-window link is the customer's only credential: `/bonus/<token>` is logged as `/bonus/***`. */
const BONUS_WINDOW_PATH = /^(\/+(?:api\/+bonus-window|bonus)\/+)[^/?#]+/i;

export function maskUrl(url: string): string {
  return url.replace(BONUS_WINDOW_PATH, '$1***');
}
