import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule } from './app.module';
import type { ApiEnv } from './config/api-env';

/** Builds the HTTP application (used by main.ts and by the e2e specs). */
export async function createApiApp(env: ApiEnv): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // The payload codec decodes whole history events (Temporal allows 2 MB payloads, base64'd
  // twice here); it parses its own bodies first, and the 64 kB limit holds for the rest.
  app.useBodyParser('json', { limit: '8mb', type: (req) => (req.url ?? '').startsWith('/codec/') && /json/i.test(String(req.headers['content-type'] ?? '')) });
  app.useBodyParser('json', { limit: '64kb' });
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
