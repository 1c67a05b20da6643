import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ensureDatabaseAndSchema, isMigrateOnly, logProcessWarnings, migrateOnly } from '@pressconf/messaging';
import { AppModule } from './app.module';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from './database/schema';
import { buildOpenApi } from './openapi/openapi';
import { gatewayConfig } from './config';

async function bootstrap(): Promise<void> {
  logProcessWarnings();
  // A wrong value stops the gateway here, naming the variable.
  const config = gatewayConfig();
  if (isMigrateOnly()) {
    await migrateOnly({
      service: 'gateway',
      database: { entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS },
      messaging: false,
    });
    process.exit(0);
  }
  await ensureDatabaseAndSchema('gateway');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.use(helmet({ contentSecurityPolicy: false }));
  app.useBodyParser('json', {
    limit: config.GATEWAY_BODY_LIMIT,
    type: ['application/json', 'application/*+json'],
  });
  app.enableCors({
    origin: config.GATEWAY_CORS_ORIGINS,
    exposedHeaders: ['X-Correlation-Id', 'Retry-After'],
  });
  // The invitee's page (/moi/…) is for people, not API clients: it stays out of the versioned API's prefix.
  app.setGlobalPrefix('api/v1', {
    exclude: ['health/live', 'health/ready', 'metrics', 'asyncapi.json', 'moi/:token', 'moi/assets/:file'],
  });
  const document = buildOpenApi(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  const port = config.GATEWAY_PORT;
  await app.listen(port, '0.0.0.0');
  app.get(Logger).log(`gateway ready on port ${port}`);
}

bootstrap().catch((error) => {
  console.error('gateway failed to start', error);
  process.exit(1);
});
