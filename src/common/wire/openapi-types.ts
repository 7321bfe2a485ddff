import { SchemaOptions, Static, TSchema, Type } from '@sinclair/typebox';
import { DECIMAL_PATTERN } from '../decimal/decimal-input';
import { DATE_TIME_PATTERN, DATE_TIME_WITH_OFFSET_PATTERN } from '../time/parse-date-time';

/**
 * TypeBox builders for the shapes OpenAPI 3.0 can say: the document is 3.0, which has no `const`,
 * no `type: 'null'` and no `patternProperties`. Each builder keeps its exact static type.
 */

/** One of a fixed set of strings (`enum`), typed as their union. */
export function StringEnum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/**
 * The value or null (`nullable: true`, which 3.0 allows only beside a `type`: a union makes each
 * member nullable, and an enum lists null among its values).
 */
export function Nullable<T extends TSchema>(schema: T, options: SchemaOptions = {}) {
  return Type.Unsafe<Static<T> | null>({ ...nullable(schema), ...options });
}

function nullable(schema: TSchema): TSchema {
  if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: schema.anyOf.map(nullable) };
  if (Array.isArray(schema.enum)) return { ...schema, nullable: true, enum: [...schema.enum, null] };
  return { ...schema, nullable: true };
}

/** A free-form map whose values all have one shape (`additionalProperties`). */
export function StringMap<T extends TSchema>(values: T, options: SchemaOptions = {}) {
  return Type.Unsafe<Record<string, Static<T>>>({ type: 'object', additionalProperties: values, ...options });
}

/** A JSON number or a decimal string, as readDecimal reads them (a string keeps every digit). */
export function DecimalValue(description: string, maxDecimals = 4) {
  return Type.Union(
    [Type.Number(), Type.String({ pattern: DECIMAL_PATTERN })],
    { description: `${description}. A JSON number or a decimal string, at most ${maxDecimals} decimals`, example: 100 },
  );
}

/** An ISO-8601 date-time as parseDateTime reads it: offset `Z`, `+03`, `+0300` or `+03:00`; without one, UTC unless required. */
export function DateTimeText(description: string, options: { requireOffset?: boolean; example?: string } = {}) {
  const pattern = options.requireOffset ? DATE_TIME_WITH_OFFSET_PATTERN : DATE_TIME_PATTERN;
  return Type.String({ pattern, description, example: options.example ?? (options.requireOffset ? '2025-03-01T12:00:00+03:00' : '2016-06-22T15:00:00') });
}

/** A reference to a named component of the document. */
export function Ref<T extends TSchema>(name: string, _schema: T) {
  return Type.Unsafe<Static<T>>({ $ref: `#/components/schemas/${name}` });
}

/** A UUID in any letter case, as the readers accept it. */
export function Uuid(description: string, options: SchemaOptions = {}) {
  return Type.String({ format: 'uuid', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', description, ...options });
}
