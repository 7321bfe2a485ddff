import { AppError, ErrorCode } from '../../common/errors';
import { MATCH_ERRORS } from './domain/customer-matching';

export const customerNotFound = (id: string) => new AppError(ErrorCode.NotFound, `Customer ${id} not found`);
export const fieldTaken = (field: string, value: string) => new AppError(ErrorCode.Conflict, `${field} ${value} belongs to another customer`);
export const uniqueClash = () => new AppError(ErrorCode.Conflict, 'A unique value of this customer is already taken');
export const bonusWindowNotFound = () => new AppError(ErrorCode.NotFound, 'Bonus window not found');

/** Item errors of the customer commands (the `error` of a command item). */
export const ITEM_ERRORS = {
  ...MATCH_ERRORS,
  customerNotFound: 'Customer not found',
} as const;
