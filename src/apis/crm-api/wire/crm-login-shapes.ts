import { Type } from '@sinclair/typebox';
import { crmOkAnswer } from './crm-envelope-shapes';

/** POST /crm/login: an API key in, an opaque token out. */
export const CrmLoginRequest = Type.Object(
  { api_key: Type.String({ description: 'The integrator client\'s API key (shown once by POST /admin/clients)' }) },
  { example: { api_key: 'be_0123456789abcdef' } },
);

export const CrmLoginAnswer = crmOkAnswer({
  token: Type.String({ description: 'An opaque token (not a JWT: it carries nothing to decode); send it as body field token, Authorization: Bearer, or header api_key', example: '3f9a0c1e5b7d4e2f8a6c0b1d2e3f4a5b6c7d8e9f' }),
  expiration_date: Type.String({ format: 'date-time', description: 'When the token stops working (TOKEN_TTL_SECONDS after login)' }),
});
