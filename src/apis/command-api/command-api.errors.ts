import { AppError, ErrorCode } from '../../common/errors';

export const notAnObject = () => new AppError(ErrorCode.WrongFormat, 'The request body must be a JSON object');
export const missingTypeOfCommand = () => new AppError(ErrorCode.WrongFormat, 'typeOfCommand is required');
export const unknownCommand = (name: string) => new AppError(ErrorCode.UnknownCommand, `Unknown command ${name}`);
export const listRequired = (field: string) => new AppError(ErrorCode.WrongFormat, `${field} must be an array`);
export const tooManyItems = (field: string, max: number) =>
  new AppError(ErrorCode.WrongFormat, `${field} must contain at most ${max} items`);
export const emptyList = (field: string) => new AppError(ErrorCode.WrongFormat, `${field} must not be empty`);
export const commandOutsideScopes = (name: string) =>
  new AppError(ErrorCode.Forbidden, `Command ${name} is outside this client's scopes (command:${name})`);
