import { MAX_POINTS } from '../../common/decimal/points-limits';
import { AppError, ErrorCode } from '../../common/errors';

export const insufficientBalance = (available: string, requested: string) =>
  new AppError(ErrorCode.InsufficientBalance, `Insufficient balance: ${available} points available, ${requested} requested`);
export const accountNotFound = (reference: string) => new AppError(ErrorCode.NotFound, `Account ${reference} not found`);
export const customerBlocked = () => new AppError(ErrorCode.CustomerBlocked, 'Customer is blocked');
export const invalidPoints = (points: string) =>
  new AppError(ErrorCode.InvalidValue, `Points must be a positive number with at most 2 decimals, got ${points}`);
export const zeroAdjustment = () => new AppError(ErrorCode.WrongParam, 'points must not be zero');
export const balanceOverflow = () => new AppError(ErrorCode.InvalidValue, `Balance would exceed the maximum of ${MAX_POINTS.toFixed(2)} points`);
