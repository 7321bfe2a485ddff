import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiForbiddenResponse, getSchemaPath } from '@nestjs/swagger';
import { AuthenticatedClient } from '../../modules/api-clients/authenticated-client';
import { scopeAllows } from '../../modules/api-clients/domain/client-scopes';
import { CLIENT_KEY } from '../../modules/api-clients/guards/current-client.decorator';
import { crmErrors, crmRequestError } from './crm-api.errors';

const SCOPE_KEY = 'crmScope';

/** The endpoint needs `scope`; checked after the class's credential guard, answered 403 ForbiddenException. */
export function RequiresScope(scope: string) {
  return applyDecorators(
    SetMetadata(SCOPE_KEY, scope),
    UseGuards(CrmScopeGuard),
    ApiForbiddenResponse({ description: `ForbiddenException: the client's scopes do not include \`${scope}\``, schema: { $ref: getSchemaPath('CrmApiError') } }),
  );
}

@Injectable()
export class CrmScopeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const scope = this.reflector.get<string>(SCOPE_KEY, context.getHandler());
    const client: AuthenticatedClient = context.switchToHttp().getRequest()[CLIENT_KEY];
    if (!scopeAllows(client.scopes, scope)) throw crmRequestError(crmErrors.outsideScopes(scope));
    return true;
  }
}
