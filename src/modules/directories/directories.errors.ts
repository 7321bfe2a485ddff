import { AppError, ErrorCode } from '../../common/errors';

export const unknownKind = (kind: string) => new AppError(ErrorCode.NotFound, `Unknown directory kind ${kind}`);
export const entryNotFound = (kind: string, id: string) => new AppError(ErrorCode.NotFound, `No ${kind} entry with id ${id}`);
export const duplicateCode = (kind: string, code: string) => new AppError(ErrorCode.Conflict, `A ${kind} entry with code ${code} already exists`);
export const parentNotFound = (kind: string, code: string) => new AppError(ErrorCode.WrongParam, `No ${kind} entry with code ${code} to be the parent`);
