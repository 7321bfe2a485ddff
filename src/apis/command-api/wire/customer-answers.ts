import { Type } from '@sinclair/typebox';
import { Nullable } from '../../../common/wire/openapi-types';
import { CUSTOMER_GUID_EXAMPLE, CustomerStatus, Guid, Login, NullableItemError, Points, SUCCESS_ENVELOPE } from './command-shapes';

/** The per-customer answers of the customer commands: one entry per reference, in request order. */
const answer = (description: string, item: Parameters<typeof Type.Object>[0]) =>
  Type.Object(
    { customers: Type.Array(Type.Object(item, { additionalProperties: false }), { minItems: 1, description }), ...SUCCESS_ENVELOPE },
    { additionalProperties: false },
  );

export const CustomerStatusAnswer = answer('Each customer\'s status after the command, or its error', {
  login: Login, guid: Guid, status: CustomerStatus, error: NullableItemError,
});

export const CustomerBalanceAnswer = answer('Each customer\'s balance, or its error', {
  login: Login, guid: Guid, status: CustomerStatus,
  balance: Nullable(Points, { description: 'Available points; null when the customer was not found' }),
  accountNumber: Nullable(Type.String(), { description: 'The customer\'s bonus account number; null when not found', example: 'ACR0000000077' }),
  error: NullableItemError,
});

export const CustomerLinkAnswer = answer('Each customer\'s bonus-window link, or its error', {
  login: Login, guid: Guid,
  link: Nullable(Type.String(), { description: 'Path of the customer\'s bonus window (opening it is the authorisation)', example: '/bonus/3f9a0c1e5b7d4e2f8a6c0b1d2e3f4a5b' }),
  error: NullableItemError,
});

export const CUSTOMER_EXAMPLE_ECHO = { login: '12345678', guid: CUSTOMER_GUID_EXAMPLE };
