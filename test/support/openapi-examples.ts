import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** An example of the document that does not validate against its own schema. */
export interface ExampleFinding {
  /** JSON pointer of the example in the document. */
  at: string;
  errors: string;
}

type Json = Record<string, unknown>;
interface Example {
  at: string;
  schema: unknown;
  value: unknown;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const COMPONENTS = '#/components/schemas/';
const DOCUMENT_ID = 'openapi-document';
/** OpenAPI formats that JSON Schema does not define: any value of the type passes. */
const OPENAPI_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];
/** Keywords of OpenAPI 3.0 schemas that are annotations for JSON Schema (or, like discriminator, checked by oneOf anyway). */
const ANNOTATIONS = ['example', 'xml', 'externalDocs', 'discriminator', 'deprecated'];

/**
 * Every example of an OpenAPI 3.0 document — schema `example`s at any depth, media-type `example`/`examples`
 * of requests and answers, parameter and header examples — validated with ajv against the schema it sits on.
 */
export function invalidExamples(document: Json): ExampleFinding[] {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false });
  addFormats(ajv);
  for (const format of OPENAPI_FORMATS) ajv.addFormat(format, true);
  const components = (isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {}) as Json;
  ajv.addSchema({ $id: DOCUMENT_ID, definitions: Object.fromEntries(Object.entries(components).map(([name, s]) => [name, toJsonSchema(s)])) });
  const examples = collectExamples(document, components);
  const findings: ExampleFinding[] = [];
  const compiled = new Map<unknown, ValidateFunction>();
  for (const example of examples) {
    let validate = compiled.get(example.schema);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(example.schema) as object);
      compiled.set(example.schema, validate);
    }
    if (!validate(example.value)) findings.push({ at: example.at, errors: ajv.errorsText(validate.errors) });
  }
  return findings;
}

/** An OpenAPI 3.0 schema as JSON Schema (draft 7): `nullable` admits null, component refs point into the added document. */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.includes(key) || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENTS)) {
      out.$ref = `${DOCUMENT_ID}#/definitions/${value.slice(COMPONENTS.length)}`;
    } else if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, toJsonSchema(s)]));
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (schema.nullable !== true) return out;
  if (typeof out.type === 'string' && !out.$ref) {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

function collectExamples(document: Json, components: Json): Example[] {
  const examples: Example[] = [];
  for (const [name, schema] of Object.entries(components)) walkSchema(schema, `#/components/schemas/${escape(name)}`, examples);
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation)) continue;
      const at = `#/paths/${escape(path)}/${method}`;
      const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
      parameters.forEach((parameter, i) => withExamples(parameter, `${at}/parameters/${i}`, examples));
      if (isObject(operation.requestBody)) content(operation.requestBody.content, `${at}/requestBody/content`, examples);
      for (const [status, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
        if (!isObject(response)) continue;
        content(response.content, `${at}/responses/${status}/content`, examples);
        for (const [header, value] of Object.entries(isObject(response.headers) ? response.headers : {})) {
          withExamples(value, `${at}/responses/${status}/headers/${escape(header)}`, examples);
        }
      }
    }
  }
  return examples;
}

function content(media: unknown, at: string, examples: Example[]): void {
  if (!isObject(media)) return;
  for (const [type, value] of Object.entries(media)) withExamples(value, `${at}/${escape(type)}`, examples);
}

/** A media type, parameter or header: its schema's examples, its own `example` and each of its `examples`. */
function withExamples(holder: unknown, at: string, examples: Example[]): void {
  if (!isObject(holder) || !isObject(holder.schema)) return;
  const schema = holder.schema;
  walkSchema(schema, `${at}/schema`, examples);
  if ('example' in holder) examples.push({ at: `${at}/example`, schema, value: holder.example });
  for (const [name, example] of Object.entries(isObject(holder.examples) ? holder.examples : {})) {
    if (isObject(example) && 'value' in example) examples.push({ at: `${at}/examples/${escape(name)}`, schema, value: example.value });
  }
}

function walkSchema(schema: unknown, at: string, examples: Example[]): void {
  if (!isObject(schema)) return;
  if ('example' in schema) examples.push({ at: `${at}/example`, schema, value: schema.example });
  for (const [name, property] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
    walkSchema(property, `${at}/properties/${escape(name)}`, examples);
  }
  for (const key of ['items', 'additionalProperties', 'not']) walkSchema(schema[key], `${at}/${key}`, examples);
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((s, i) => walkSchema(s, `${at}/${key}/${i}`, examples));
  }
}
