/** The slice of an OpenAPI 3 document the fuzz reads: operations, parameters, JSON bodies. */
export interface Schema {
  $ref?: string;
  type?: string;
  description?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export type Security = 'session' | 'operator' | null;

export interface Operation {
  method: string;
  /** The path template as documented, e.g. `/v1/payments/{id}`. */
  path: string;
  /** `METHOD /path/{template}`: how cases and findings name the operation. */
  key: string;
  parameters: Parameter[];
  body: Schema | null;
  security: Security;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; security?: Record<string, unknown>[] }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** Every documented operation, in document order, with `$ref`s resolved. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const deref = (schema: Schema | undefined, depth = 0): Schema | undefined => {
    if (!schema || depth > 20) return schema;
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      return deref(doc.components?.schemas?.[name], depth + 1);
    }
    const out: Schema = { ...schema };
    if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, deref(v, depth + 1)!]));
    if (schema.items) out.items = deref(schema.items, depth + 1);
    if (typeof schema.additionalProperties === 'object') out.additionalProperties = deref(schema.additionalProperties, depth + 1);
    for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (schema[k]) out[k] = schema[k]!.map((s) => deref(s, depth + 1)!);
    return out;
  };
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const scheme = Object.keys(op.security?.[0] ?? {})[0];
      ops.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        parameters: (op.parameters ?? []).map((p) => ({ ...p, schema: deref(p.schema) })),
        body: deref(op.requestBody?.content?.['application/json']?.schema) ?? null,
        security: scheme === 'session' || scheme === 'operator' ? scheme : null,
      });
    }
  }
  return ops;
}

/** The schema a value must match, with a nullable or single-branch union unwrapped. */
export function effective(schema: Schema): Schema {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const concrete = branches.filter((b) => b.type !== 'null');
    if (concrete[0]) return effective({ ...concrete[0], ...without(schema, ['anyOf', 'oneOf']) });
  }
  if (schema.allOf?.length === 1) return effective({ ...schema.allOf[0], ...without(schema, ['allOf']) });
  return schema;
}

const without = (schema: Schema, keys: string[]) => Object.fromEntries(Object.entries(schema).filter(([k]) => !keys.includes(k)));
