import { AppError, ErrorCode } from '../../common/errors';

export const missingApiKey = () => new AppError(ErrorCode.Unauthorized, 'Missing or invalid API key');
export const adminOnly = () => new AppError(ErrorCode.Forbidden, 'This endpoint needs an admin API key');
export const integratorOnly = () => new AppError(ErrorCode.Forbidden, 'This endpoint needs an integrator API key; admin keys are for /admin');
export const invalidToken = () =>
  new AppError(ErrorCode.InvalidToken, 'Error:Token Not Found. - Description:The token is invalid or has expired.');
export const clientNotFound = (id: string) => new AppError(ErrorCode.NotFound, `API client ${id} not found`);
export const cannotDeleteSelf = () => new AppError(ErrorCode.Conflict, 'An admin client cannot delete itself');
export const unknownScopes = (names: string[]) =>
  new AppError(ErrorCode.WrongParam, `Unknown scopes: ${names.join(', ')}. Scopes are command:<typeOfCommand>, crm:purchases, crm:bulk:<type>, command:* and crm:*`);
