import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedClient } from '../authenticated-client';

export const CLIENT_KEY = 'apiClient';

/** The client the guard authenticated for this request. */
export const CurrentClient = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedClient => ctx.switchToHttp().getRequest()[CLIENT_KEY],
);
