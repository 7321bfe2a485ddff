/**
 * What an integrator may call. An operation is `command:<typeOfCommand>`, `crm:purchases` or
 * `crm:bulk:<type>`; a scope names one operation or, as `command:*` / `crm:*`, every operation of its API.
 */
export const WILDCARD_SCOPES = ['command:*', 'crm:*'] as const;

/** Every integrator operation: what existing and new clients may call unless an admin narrows it. */
export const DEFAULT_SCOPES: readonly string[] = WILDCARD_SCOPES;

export const commandScope = (typeOfCommand: string): string => `command:${typeOfCommand}`;
export const crmBulkScope = (path: string): string => `crm:bulk:${path}`;
export const CRM_PURCHASES_SCOPE = 'crm:purchases';

export function scopeAllows(scopes: readonly string[], operation: string): boolean {
  const api = operation.slice(0, operation.indexOf(':'));
  return scopes.includes(operation) || scopes.includes(`${api}:*`);
}

/** The given scopes that name neither a known operation nor a wildcard. */
export function unknownScopes(given: readonly string[], operations: ReadonlySet<string>): string[] {
  return given.filter((scope) => !operations.has(scope) && !(WILDCARD_SCOPES as readonly string[]).includes(scope));
}
