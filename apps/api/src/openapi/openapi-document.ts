import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { z } from 'zod';
import { problemContent, problemDescription } from './api-problems';
import { problemSchema } from './schemas';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** `PaymentsController` + `list` → `payments_list`: stable, unique, and readable in a generated client. */
const operationId = (controller: string, method: string): string => {
  const name = controller.replace(/Controller$/, '');
  return `${name.charAt(0).toLowerCase()}${name.slice(1)}_${method}`;
};

/**
 * The REST contract as OpenAPI 3.1, served at /docs/openapi.json. Controllers declare their
 * success schemas (zod, through `@ZodResponse`) and their domain refusals (`@ApiProblems`);
 * what follows from the route itself is added here once: 400 for anything with input, 401 for
 * a secured route, 404 for a path id, 413/415 for a body, 422 for an `Idempotency-Key`, and the
 * headers every answer carries.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Business banking flows')
    .setDescription(
      'Cabinet and operator API: onboarding, registration, authentication, sub-users, payments, audit. ' +
        'Every error is an RFC 9457 problem (`application/problem+json`) with a stable `code`; every answer carries `X-Request-Id`.',
    )
    .setVersion('1')
    .setLicense('Proprietary', 'https://bank.localhost/terms')
    .addServer('/', 'This service')
    // Opaque random tokens, not JWTs: no bearerFormat.
    .addSecurity('session', { type: 'http', scheme: 'bearer', description: 'Cabinet session key from `POST /v1/auth/login` (opaque).' })
    .addSecurity('operator', { type: 'http', scheme: 'bearer', description: 'Bank operator token (opaque, configured in OPERATOR_TOKENS).' })
    .build();
  const raw = SwaggerModule.createDocument(app, config, { operationIdFactory: operationId });
  return complete(cleanupOpenApiDoc(raw, { version: '3.1' }));
}

/**
 * `PaymentDto_Output` → `Payment`: the names a generated client shows. nestjs-zod suffixes response
 * (output) schemas; where input and output forms are equal, or only one exists, the plain name stays.
 */
function renameSchemas(doc: OpenAPIObject): OpenAPIObject {
  const schemas = doc.components?.schemas ?? {};
  const renames = new Map<string, string>();
  const taken = new Set<string>();
  const plain = (name: string) => name.replace(/_Output$/, '').replace(/(.)Dto$/, '$1');
  // Inputs first, so an output equal to its input folds into one name.
  const names = Object.keys(schemas).sort((a, b) => Number(a.endsWith('_Output')) - Number(b.endsWith('_Output')));
  const renamed: Record<string, SchemaObject | ReferenceObject> = {};
  for (const name of names) {
    const target = plain(name);
    if (!taken.has(target)) {
      taken.add(target);
      renames.set(name, target);
      renamed[target] = schemas[name]!;
    } else if (JSON.stringify(renamed[target]) === JSON.stringify(schemas[name])) {
      renames.set(name, target);
    } else {
      renames.set(name, name);
      renamed[name] = schemas[name]!;
    }
  }
  const text = JSON.stringify({ ...doc, components: { ...doc.components, schemas: renamed } }).replace(
    /"#\/components\/schemas\/([^"]+)"/g,
    (_, name: string) => `"#/components/schemas/${renames.get(name) ?? name}"`,
  );
  return JSON.parse(text) as OpenAPIObject;
}

function complete(source: OpenAPIObject): OpenAPIObject {
  const doc = renameSchemas(source);
  const components = (doc.components ??= {});
  const schemas = (components.schemas ??= {});
  const problem = z.toJSONSchema(problemSchema, { target: 'draft-2020-12' }) as { $defs?: Record<string, SchemaObject> };
  schemas.Problem = problem.$defs?.Problem ?? (problem as SchemaObject);
  components.headers = {
    ...components.headers,
    'X-Request-Id': {
      description: "This request's id (the caller's own if it sent a plain one); quote it to support.",
      schema: { type: 'string' },
    },
    'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
  };

  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) completeOperation(op, schemas);
    }
  }
  return doc;
}

function completeOperation(op: OperationObject, schemas: Record<string, SchemaObject | ReferenceObject>): void {
  // A public route says so, rather than leaving security undefined.
  op.security ??= [];
  const params = (op.parameters ?? []) as ParameterObject[];
  for (const param of params) {
    // zod's `examples` (a JSON Schema array) belongs in the schema; a parameter's `examples` is a map.
    if (Array.isArray(param.examples)) {
      param.example ??= param.examples[0];
      delete param.examples;
    }
  }
  const inferred = [
    ...(params.length > 0 || op.requestBody ? [400] : []),
    ...(op.security.length > 0 ? [401] : []),
    ...(params.some((p) => p.in === 'path') ? [404] : []),
    ...(op.requestBody ? [413, 415] : []),
    ...(params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key') ? [422] : []),
  ];
  for (const status of inferred) {
    op.responses[status] ??= { description: problemDescription(status), content: problemContent(status) };
  }
  for (const [status, response] of Object.entries(op.responses) as [string, ResponseObject][]) {
    if (!response.description) response.description = Number(status) < 300 ? 'OK' : problemDescription(Number(status));
    if (Number(status) >= 400) response.content = problemContent(Number(status));
    response.headers = {
      ...response.headers,
      'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
      ...(status === '429' || status === '503' ? { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } : {}),
    };
    // Swagger UI shows the media type's example: take the schema's first example.
    for (const media of Object.values(response.content ?? {})) {
      if (media.example !== undefined || media.examples !== undefined || !media.schema) continue;
      const example = firstExample(media.schema, schemas);
      if (example !== undefined) media.example = example;
    }
  }
}

function firstExample(schema: SchemaObject | ReferenceObject, schemas: Record<string, SchemaObject | ReferenceObject>): unknown {
  const resolved = '$ref' in schema ? schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
  if (!resolved || '$ref' in resolved) return undefined;
  const examples = (resolved as { examples?: unknown[] }).examples;
  return Array.isArray(examples) ? examples[0] : resolved.example;
}
