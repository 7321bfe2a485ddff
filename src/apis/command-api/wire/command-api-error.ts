import { Type } from '@sinclair/typebox';
import { CommandErrorType } from '../../../common/errors';
import { Nullable, StringEnum } from '../../../common/wire/openapi-types';
import { SEED_EXAMPLES } from '../seed-examples';

const ERROR_TYPES: readonly CommandErrorType[] = [
  'wrongFormat', 'wrongParam', 'wrongData', 'notAllowed', 'unknownCommand', 'unauthorized', 'forbidden', 'tooManyRequests', 'serviceUnavailable', 'internalError',
];

/** The failure envelope of the Command API, on every status but 200. */
export const CommandApiError = Type.Object(
  {
    status: StringEnum(['Failure']),
    error: Type.Object({ typeOfError: StringEnum(ERROR_TYPES), description: Type.String() }, { additionalProperties: false }),
    errors: Type.Optional(Type.Array(
      Type.Object({
        eventId: Type.Optional(Nullable(Type.String({ description: 'The bad item\'s eventId; null when it has none' }))),
        typeOfError: StringEnum(['wrongParam']),
        description: Type.String(),
      }, { additionalProperties: false }),
      { description: 'With wrongData: every bad item of the command, in request order; nothing was stored' },
    )),
  },
  { additionalProperties: false, description: 'Command API failure (HTTP 400/401/403/409/413/429/500/503)', example: SEED_EXAMPLES.loadCustomerEventsExt.responses.itemErrors },
);
