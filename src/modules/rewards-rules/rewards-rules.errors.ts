import { AppError, ErrorCode } from '../../common/errors';

export const invalidRule = (errors: string[]) => new AppError(ErrorCode.WrongParam, errors.join('; '));
export const ruleNotFound = (id: string) => new AppError(ErrorCode.NotFound, `No rule with id ${id}`);
export const invalidSimulation = (errors: string[]) => new AppError(ErrorCode.WrongParam, errors.join('; '));
