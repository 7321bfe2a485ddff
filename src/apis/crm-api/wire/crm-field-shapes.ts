import { TSchema, Type } from '@sinclair/typebox';
import { DateTimeText, DecimalValue } from '../../../common/wire/openapi-types';
import { MAX_STRING } from '../domain/crm-fields';

/** The CRM API's field shapes, as its field readers (domain/crm-fields.ts, crm-identifiers.ts) accept them. */

/** A text: a string of at most `max` characters, or a JSON number (read as its text). */
export const text = (description: string, max = MAX_STRING) =>
  Type.Union([Type.String({ maxLength: max }), Type.Number()], { description, example: 'RF01' });

/** An amount: a JSON number or a decimal string, at most 4 decimals. */
export const amount = (description: string) => DecimalValue(description);

/** A CRM date-time: ISO-8601, UTC when it carries no offset; a bare date is midnight UTC. */
export const crmDateTime = (description: string) =>
  Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A whole day' }), DateTimeText('A date-time, UTC without an offset')], { description, example: '2016-06-22T15:00:00' });

/** An identifier object naming its value by exactly one of `fields` (more than one: MoreThanOneIdentifierException). */
export function identifier(description: string, fields: readonly string[], extra: Record<string, TSchema> = {}) {
  return Type.Object(
    { ...Object.fromEntries(fields.map((f) => [f, Type.Optional(text(`By ${f}`))])), ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, Type.Optional(v)])) },
    { description: `${description}. Exactly one of: ${[...fields, ...Object.keys(extra)].join(', ')}.`, minProperties: 1 },
  );
}

const accessToken = Type.Object(
  {
    authentication_code: Type.Optional(text('The token\'s authentication code')),
    identifier: Type.Optional(text('The token\'s identifier')),
    pass_code: Type.Optional(Type.String({ description: 'The pass code of the identifier (never stored)' })),
  },
  { description: 'An effective access token: authentication_code, or identifier with its pass_code (one-time passwords are not supported)' },
);

const accountIdentifier = (description: string, fields: readonly string[]) => identifier(description, fields, { access_token_identifier: accessToken });
export const accountsReceivable = (description = 'The related accounts receivable') => accountIdentifier(description, ['id', 'number', 'name']);
export const rewardsParticipant = (description = 'The related rewards participant') => accountIdentifier(description, ['id', 'number']);
