/** The admin API's error envelope, as an OpenAPI schema (the Command and CRM API define theirs with their wire shapes). */
export const ERROR_SCHEMAS = {
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
