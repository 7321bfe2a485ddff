import { AppError, ErrorCode } from '../../common/errors';

/** The item error of an eventId the client has used before, by any command (one namespace per client). */
export const DUPLICATE_EVENT_ID = 'Duplicate eventId';
export const previousCommandRunning = () =>
  new AppError(ErrorCode.NotAllowed, 'You cannot send a new command until the previous command has been processed');
