import Ajv, { ValidateFunction } from 'ajv';

/**
 * Compiles wire schemas as the document holds them: OpenAPI 3.0 keywords (`nullable`, `example`,
 * `discriminator`) accepted, `#/components/schemas/…` resolved against the given components.
 */
export function wireValidator(components: Record<string, unknown>): (schema: unknown) => ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'wire', components: { schemas: JSON.parse(JSON.stringify(components)) } });
  return (schema) => ajv.compile({ $id: `wire-${Math.random()}`, ...resolveRefs(JSON.parse(JSON.stringify(schema))) });
}

function resolveRefs(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value).replace(/"#\/components\/schemas\//g, '"wire#/components/schemas/'));
}
