import { TSchema, Type } from '@sinclair/typebox';
import { CommandApiError } from './command-api-error';

/**
 * Every command's wire shapes, each defined once next to its handler: the request (its
 * `typeOfCommand` a one-value enum) and the success answer, with the seed example of each. The
 * OpenAPI document reads them from here: the request body of POST /api/commands is a `oneOf` of the
 * requests with a discriminator on `typeOfCommand`, the 200 answer a `oneOf` of the distinct answers.
 */
export interface CommandWire {
  name: string;
  request: TSchema;
  /** Component name of the answer; commands answering the same shape share it. */
  answerName: string;
  answer: TSchema;
  /**
   * Answers whose top-level fields are the same (the per-customer answers differ only in their items)
   * sit together in one `anyOf` component, so that the answer `oneOf` lists only shapes that exclude each other.
   */
  answerGroup?: string;
  example: { request: unknown; answer: unknown };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const requestComponent = (command: string) => `${command[0].toUpperCase()}${command.slice(1)}Request`;

/** The components the commands add to the document (filled as each command file is loaded). */
export const COMMAND_COMPONENTS: Record<string, TSchema> = { CommandApiError };
export const COMMAND_WIRES: CommandWire[] = [];

/** The request body of POST /api/commands: one schema per command, told apart by typeOfCommand. */
export const COMMAND_REQUEST_SCHEMA: { oneOf: Array<{ $ref: string }>; discriminator: { propertyName: string; mapping: Record<string, string> } } = {
  oneOf: [],
  discriminator: { propertyName: 'typeOfCommand', mapping: {} },
};

/** The 200 answer: one schema per distinct answer shape. */
export const COMMAND_ANSWER_SCHEMA: { oneOf: Array<{ $ref: string }> } = { oneOf: [] };

export const COMMAND_EXAMPLES: {
  requests: Record<string, { summary: string; value: unknown }>;
  responses: Record<string, { summary: string; value: unknown }>;
} = { requests: {}, responses: {} };

const ANSWER_GROUPS = new Map<string, Array<{ $ref: string }>>();

function addToGroup(group: string, answerName: string): void {
  let members = ANSWER_GROUPS.get(group);
  if (!members) {
    members = [];
    ANSWER_GROUPS.set(group, members);
    COMMAND_COMPONENTS[group] = Type.Unsafe({ anyOf: members, description: 'The answer of a per-customer command: one entry per customer reference' });
    COMMAND_ANSWER_SCHEMA.oneOf.push(ref(group));
  }
  members.push(ref(answerName));
}

export function defineCommandWire(wire: CommandWire): CommandWire {
  const requestName = requestComponent(wire.name);
  COMMAND_WIRES.push(wire);
  COMMAND_COMPONENTS[requestName] = wire.request;
  COMMAND_REQUEST_SCHEMA.oneOf.push(ref(requestName));
  COMMAND_REQUEST_SCHEMA.discriminator.mapping[wire.name] = ref(requestName).$ref;
  if (!COMMAND_COMPONENTS[wire.answerName]) {
    COMMAND_COMPONENTS[wire.answerName] = wire.answer;
    if (wire.answerGroup) addToGroup(wire.answerGroup, wire.answerName);
    else COMMAND_ANSWER_SCHEMA.oneOf.push(ref(wire.answerName));
  }
  COMMAND_EXAMPLES.requests[wire.name] = { summary: wire.name, value: wire.example.request };
  COMMAND_EXAMPLES.responses[wire.name] = { summary: wire.name, value: wire.example.answer };
  return wire;
}
