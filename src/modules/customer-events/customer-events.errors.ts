import { AppError, CommandItemError, ErrorCode } from '../../common/errors';

export const eventNotFound = (id: string) => new AppError(ErrorCode.NotFound, `Event ${id} not found`);
export const unknownCommandId = (id: string) => new AppError(ErrorCode.WrongParam, `Unknown commandId ${id}`);
export const eventIdTaken = (id: string) => new AppError(ErrorCode.InvalidValue, `A customer event with id ${id} already exists.`);

/** The failure of a whole command whose items had errors: every bad item listed, nothing stored. */
export function itemErrorsFailure(errors: CommandItemError[]): AppError {
  return new AppError(ErrorCode.WrongData, `Number of errors - ${errors.length}`, { errors });
}
