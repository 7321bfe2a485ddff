import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../../common/wire/openapi-types';
import { Guid, ItemError, Login } from './command-shapes';

/**
 * The answer of addCustomerPointMessage and addBonusExtQuick (seed 001 "AddStatus"): each item
 * answered at once, a bad item failing alone; the accruals follow in the background under commandId.
 */
export const AddStatusAnswer = Type.Object(
  {
    results: Type.Array(
      Type.Object(
        { login: Login, guid: Guid, status: StringEnum(['Success', 'Failure']), error: Nullable(ItemError, { description: 'Why the item failed; null on Success' }) },
        { additionalProperties: false },
      ),
      { description: 'One entry per item, in request order' },
    ),
    commandId: Type.String({ description: 'Follow the accruals with getEventOperation by this commandId', example: '0f8fad5b-d9cb-469f-a165-70867728950e' }),
  },
  { additionalProperties: false },
);

export const COMMAND_ID_EXAMPLE = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** The fields an accrual item names its event with. */
export const eventIdField = (description: string) => Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Integer()], { description });
