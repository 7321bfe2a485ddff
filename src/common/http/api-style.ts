export type ApiStyle = 'command' | 'crm' | 'rest';

export const COMMAND_API_PATH = '/api/commands';
export const CRM_API_PREFIX = '/crm';

/** Which envelope a route answers in, from its path. */
export function apiStyleOf(path: string): ApiStyle {
  const p = path.split('?')[0];
  if (p === COMMAND_API_PATH || p.startsWith(`${COMMAND_API_PATH}/`)) return 'command';
  if (p === CRM_API_PREFIX || p.startsWith(`${CRM_API_PREFIX}/`)) return 'crm';
  return 'rest';
}
