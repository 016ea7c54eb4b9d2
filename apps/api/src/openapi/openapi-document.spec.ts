import SwaggerParser from '@apidevtools/swagger-parser';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createApiApp } from '../bootstrap';
import { loadApiEnv } from '../config/api-env';

/** Where `scripts/test.sh` picks the document up for `redocly lint` and `openapi-typescript`. */
export const OPENAPI_OUT = join(__dirname, '..', '..', '..', '..', '.data', 'openapi', 'openapi.json');

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, Record<string, unknown>> };
};
type Operation = {
  summary?: string;
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown; example?: unknown }>; headers?: Record<string, unknown> }>;
};

const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));

/**
 * The document as /docs/openapi.json serves it, built without a running stack (connections are
 * lazy): valid OpenAPI 3.1, and complete enough for a generated client to type every answer.
 */
describe('the OpenAPI document', () => {
  let app: NestExpressApplication;
  let doc: Doc;

  beforeAll(async () => {
    const env = loadApiEnv({
      LOG_LEVEL: 'silent',
      // Port 0: the metrics listener must not need a fixed port free on the machine running the tests.
      METRICS_PORT: '0',
      APP_SECRET: 'b3BlbmFwaS1kb2N1bWVudC1vbmx5LXNlY3JldC0zMmJ5dGVzIQ==',
      PAYLOAD_KEYS: 'doc-1:s9oL1P3ueQ+6xt9ZXt6L9ASFGB/wu+nTY1bTFxNCf6E=',
      OPERATOR_TOKENS: 'openapi-document-operator-token-0123',
    });
    app = await createApiApp(env);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/docs/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
    mkdirSync(dirname(OPENAPI_OUT), { recursive: true });
    writeFileSync(OPENAPI_OUT, `${JSON.stringify(doc, null, 2)}\n`);
  });

  afterAll(() => app?.close());

  it('is valid OpenAPI 3.1 (swagger-parser)', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('gives every operation a summary, a unique operationId and a typed success answer', () => {
    const ids = new Set<string>();
    const missing: string[] = [];
    for (const { key, op } of operations(doc)) {
      if (!op.summary) missing.push(`${key}: summary`);
      if (!op.operationId || ids.has(op.operationId)) missing.push(`${key}: operationId`);
      ids.add(op.operationId ?? '');
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      if (success.length === 0) missing.push(`${key}: 2xx`);
      for (const [status, response] of success) {
        if (status === '204') continue;
        const media = Object.values(response.content ?? {});
        if (media.length === 0 || media.some((m) => !m.schema)) missing.push(`${key}: ${status} schema`);
        if (!media.some((m) => m.example !== undefined)) missing.push(`${key}: ${status} example`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('answers every error as a shared Problem, with 401 on secured routes and Retry-After on 429', () => {
    const wrong: string[] = [];
    for (const { key, op } of operations(doc)) {
      if ((op.security ?? []).length > 0 && !op.responses['401']) wrong.push(`${key}: 401`);
      if ((op.parameters ?? []).some((p) => p.in === 'path') && !op.responses['404']) wrong.push(`${key}: 404`);
      for (const [status, response] of Object.entries(op.responses)) {
        if (!response.headers?.['X-Request-Id']) wrong.push(`${key}: ${status} X-Request-Id`);
        if (Number(status) < 400) continue;
        if (Object.keys(response.content ?? {}).join() !== 'application/problem+json') wrong.push(`${key}: ${status} media type`);
        if (status === '429' && !response.headers?.['Retry-After']) wrong.push(`${key}: 429 Retry-After`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('describes the opaque tokens without claiming they are JWTs', () => {
    for (const scheme of Object.values(doc.components.securitySchemes)) expect(scheme.bearerFormat).toBeUndefined();
  });

  it('documents the statement as JSON, CSV and PDF', () => {
    const ok = doc.paths['/v1/accounts/{iban}/statement']!.get!.responses['200']!;
    expect(Object.keys(ok.content ?? {}).sort()).toEqual(['application/json', 'application/pdf', 'text/csv']);
  });
});
