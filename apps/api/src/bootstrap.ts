import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { ApiEnv } from './config/api-env';
import { installHttpEdge } from './http/http-edge';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { httpMetrics } from './observability/http-metrics';
import { httpTracing } from './observability/http-tracing';

/** Builds the HTTP application (used by main.ts and by the e2e specs). */
export async function createApiApp(env: ApiEnv): Promise<NestExpressApplication> {
  // bodyParser: false: installHttpEdge mounts the parsers itself, after the checks that must precede them.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.use(httpTracing(), httpMetrics());
  installHttpEdge(app, env);
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
