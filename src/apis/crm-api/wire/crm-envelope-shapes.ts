import { Type } from '@sinclair/typebox';
import { StringEnum } from '../../../common/wire/openapi-types';

/** The CRM.COM envelopes: `status` of a success, and the failure of a whole request. */
export const CrmOkStatus = Type.Object(
  { code: StringEnum(['OK']), description: StringEnum(['']), message: StringEnum(['']) },
  { additionalProperties: false },
);

export const CrmApiError = Type.Object(
  {
    data: Type.Unsafe<null>({ type: 'object', nullable: true, enum: [null], description: 'Always null on failure' }),
    status: Type.Object(
      {
        code: Type.String({ description: 'The CRM.COM exception name', example: 'InvalidTokenException' }),
        description: Type.String({ description: '`Error:<What> (<value>) <Problem>. - Description:<sentence>`' }),
        message: Type.String({ description: 'The same text as description' }),
      },
      { additionalProperties: false },
    ),
  },
  {
    additionalProperties: false,
    description: 'CRM API request failure (HTTP 4xx/5xx)',
    example: {
      data: null,
      status: {
        code: 'InvalidTokenException',
        description: 'Error:Token Not Found. - Description:The token is invalid or has expired.',
        message: 'Error:Token Not Found. - Description:The token is invalid or has expired.',
      },
    },
  },
);

/** Wraps a success answer's data in the CRM.COM envelope. */
export function crmOkAnswer<T extends Parameters<typeof Type.Object>[0]>(data: T) {
  return Type.Object({ data: Type.Object(data, { additionalProperties: false }), status: CrmOkStatus }, { additionalProperties: false });
}
