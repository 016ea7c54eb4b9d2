import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule } from './app.module';
import type { ApiEnv } from './config/api-env';
import { installHttpEdge } from './http/http-edge';

/** Builds the HTTP application (used by main.ts and by the e2e specs). */
export async function createApiApp(env: ApiEnv): Promise<NestExpressApplication> {
  // bodyParser: false: installHttpEdge mounts the parsers itself, after the checks that must precede them.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  installHttpEdge(app, env);
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Business banking flows')
      .setDescription('Cabinet and operator API: onboarding, registration, authentication, sub-users, payments, audit.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'cabinet session key' }, 'session')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'bank operator token' }, 'operator')
      .build(),
  );
  SwaggerModule.setup('docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
