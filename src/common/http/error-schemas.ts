/** The three error envelopes, as OpenAPI schemas. */
export const ERROR_SCHEMAS = {
  CommandApiError: {
    type: 'object',
    description: 'Command API failure (HTTP 400/401/403/409/413/429/500/503)',
    properties: {
      status: { type: 'string', enum: ['Failure'] },
      error: {
        type: 'object',
        properties: {
          typeOfError: {
            type: 'string',
            enum: ['wrongFormat', 'wrongParam', 'wrongData', 'notAllowed', 'unknownCommand', 'unauthorized', 'forbidden', 'tooManyRequests', 'serviceUnavailable', 'internalError'],
          },
          description: { type: 'string' },
        },
      },
      errors: { type: 'array', items: { type: 'object', properties: { eventId: { type: 'string' }, typeOfError: { type: 'string' }, description: { type: 'string' } } } },
    },
    example: { errors: [{ eventId: '636554297092801053', typeOfError: 'wrongParam', description: 'Unknown customer type' }], status: 'Failure', error: { typeOfError: 'wrongData', description: 'Number of errors - 1' } },
  },
  CrmApiError: {
    type: 'object',
    description: 'CRM API request failure (HTTP 4xx)',
    properties: {
      data: { type: 'object', nullable: true },
      status: { type: 'object', properties: { code: { type: 'string' }, description: { type: 'string' }, message: { type: 'string' } } },
    },
    example: { data: null, status: { code: 'InvalidTokenException', description: 'Error:Token Not Found. - Description:The token is invalid or has expired.', message: 'Error:Token Not Found. - Description:The token is invalid or has expired.' } },
  },
  AdminApiError: {
    type: 'object',
    description: 'Failure of the admin API and of every route outside the Command and CRM APIs (health, metrics, bonus window)',
    required: ['statusCode', 'error', 'message'],
    properties: {
      statusCode: { type: 'integer', description: 'The HTTP status, repeated', example: 403 },
      error: { type: 'string', description: "The status's name", example: 'Forbidden' },
      message: { type: 'string', description: 'What went wrong; validation failures list every problem, joined by `; `' },
    },
    example: { statusCode: 403, error: 'Forbidden', message: 'This endpoint needs an admin API key' },
  },
};
