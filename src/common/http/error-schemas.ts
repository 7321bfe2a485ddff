/** The admin API's error envelope, as an OpenAPI schema (the Command and CRM API define theirs with their wire shapes). */
export const ERROR_SCHEMAS = {
  AdminApiError: {
    type: 'object',
    properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
    example: { statusCode: 403, error: 'Forbidden', message: 'This endpoint needs an admin API key' },
  },
};
