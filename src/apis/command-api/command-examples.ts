/** Swagger examples of each command, taken from the seed documents. Each command file adds its own. */
export const COMMAND_EXAMPLES: {
  requests: Record<string, { summary: string; value: unknown }>;
  responses: Record<string, { summary: string; value: unknown }>;
} = { requests: {}, responses: {} };

export function addCommandExample(name: string, request: unknown, response: unknown): void {
  COMMAND_EXAMPLES.requests[name] = { summary: name, value: request };
  COMMAND_EXAMPLES.responses[name] = { summary: name, value: response };
}
