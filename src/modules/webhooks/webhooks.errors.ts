import { AppError, ErrorCode } from '../../common/errors';

export const subscriptionNotFound = (id: string) => new AppError(ErrorCode.NotFound, `Webhook subscription ${id} not found`);
export const deliveryNotFound = (id: string) => new AppError(ErrorCode.NotFound, `Delivery ${id} not found`);
export const invalidWebhookUrl = (reason: string) => new AppError(ErrorCode.WrongParam, `url ${reason}`);
