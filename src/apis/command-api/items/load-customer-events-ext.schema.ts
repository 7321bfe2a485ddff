import { Static, Type } from '@sinclair/typebox';
import { DateTimeText, DecimalValue, Nullable, StringEnum, Uuid } from '../../../common/wire/openapi-types';
import { CUSTOMER_TYPE_FIELDS } from '../../../modules/customers';
import { COMMAND_EVENT_TYPES, COMMAND_OPERATION_TYPES } from '../../../modules/rewards-rules';

const MAX_TEXT = 191;
const text = (description: string) => Type.Optional(Nullable(Type.String({ maxLength: MAX_TEXT, description })));
const code = (description: string) => Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: '^\\d{1,18}$' })], { description });

/**
 * One event of loadCustomerEventsExt (seed 000). The required fields are listed in the order the
 * item check reports a missing one; it reads them, and the text limit, from this schema.
 */
export const LoadCustomerEventItem = Type.Object(
  {
    customerId: Uuid('The customer\'s GUID; an unknown one creates the customer'),
    eventId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Integer()], { description: 'Unique per client across the Command API' }),
    eventDate: DateTimeText('When the event happened', { requireOffset: true }),
    eventType: StringEnum(COMMAND_EVENT_TYPES),
    operationType: StringEnum(COMMAND_OPERATION_TYPES),
    operationAmount: DecimalValue('The operation amount in its currency, not negative'),
    operationCurrencyRate: DecimalValue('Rate to the base currency, positive, at most 1000000', 8),
    merchantId: code('The merchant code'),
    terminalId: code('The terminal code'),
    merchantName: text('The merchant\'s name'),
    customerEvent: text('A customer event such as birthdate'),
    bankEvent: text('A bank event such as registration'),
    ...Object.fromEntries(CUSTOMER_TYPE_FIELDS.map((f) => [f, text('A customer type, registered in the directory on first use')])),
  },
  { description: 'One event; a bad item fails the whole command (wrongData) with every bad item listed' },
);

export type LoadCustomerEventItem = Static<typeof LoadCustomerEventItem>;

/** The fields whose absence (or null, or '') the item check reports, in its order. */
export const LOAD_EVENT_REQUIRED = LoadCustomerEventItem.required as ReadonlyArray<keyof LoadCustomerEventItem & string>;
/** The longest text of the optional text fields. */
export const LOAD_EVENT_MAX_TEXT = MAX_TEXT;
