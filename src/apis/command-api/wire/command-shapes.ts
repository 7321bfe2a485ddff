import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum, Uuid } from '../../../common/wire/openapi-types';
import { CUSTOMER_STATUSES } from '../../../modules/customers';

/** Wire shapes that several commands share: customer references, item errors and the answer envelope. */

export const CUSTOMER_GUID_EXAMPLE = '9803d32e-8fcd-4984-a736-9f02f726b3c0';

const identifier = (description: string) => Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Integer()], { description });

/** Exactly one of uniqId, guid (alias customerId), phone, email; anything else fails that item alone (wrongParam). */
export const CustomerReference = Type.Object(
  {
    uniqId: Type.Optional(identifier('The customer\'s login in the caller\'s system')),
    guid: Type.Optional(Uuid('The customer\'s GUID')),
    customerId: Type.Optional(Uuid('Alias of guid')),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[1-9]\\d{9,14}$', description: 'E.164 phone, `+` optional' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 191 })),
  },
  { description: 'Names one customer by exactly one of uniqId, guid, customerId, phone, email', minProperties: 1, maxProperties: 1, example: { uniqId: '12345678' } },
);

/** One bad item, inside an answer that goes on with the other items. */
export const ItemError = Type.Object(
  { typeOfError: StringEnum(['wrongParam']), description: Type.String() },
  { additionalProperties: false, example: { typeOfError: 'wrongParam', description: 'Customer not found' } },
);

export const NullableItemError = Nullable(ItemError, { description: 'null when the item succeeded' });

/** A field that is always null (OpenAPI 3.0 has no null type of its own). */
export function AlwaysNull(description: string) {
  return Type.Unsafe<null>({ type: 'string', nullable: true, enum: [null], description });
}

/** `status: "Success", error: null`: the envelope of every answer with HTTP 200 except the add* commands'. */
export const SUCCESS_ENVELOPE = {
  status: StringEnum(['Success']),
  error: AlwaysNull('Always null on success'),
};

export const Login = Nullable(Type.String(), { description: 'The customer\'s uniqId; null when not known' });
export const Guid = Nullable(Type.String(), { description: 'The customer\'s GUID; null when not known', example: CUSTOMER_GUID_EXAMPLE });
export const CustomerStatus = Nullable(StringEnum(CUSTOMER_STATUSES), { description: 'null when the customer was not found' });
export const Points = Type.String({ pattern: '^-?\\d+\\.\\d{2}$', description: 'Points, two decimals, as a string', example: '200.00' });

/** The item list of a command: at least one item; at most MAX_ITEMS_PER_COMMAND unless the command names its own limit. */
export function ItemList<T extends Parameters<typeof Type.Array>[0]>(items: T, description: string, maxItems?: number) {
  const limit = maxItems === undefined ? 'at most MAX_ITEMS_PER_COMMAND items (default 1000)' : `at most ${maxItems} items`;
  return Type.Array(items, { minItems: 1, ...(maxItems === undefined ? {} : { maxItems }), description: `${description}; ${limit}` });
}
