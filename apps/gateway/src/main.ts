import './tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import {
  answerClientErrorsWithProblems,
  ensureDatabaseAndSchema,
  isMigrateOnly,
  logProcessWarnings,
  migrateOnly,
} from '@pressconf/messaging';
import { AppModule } from './app.module';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from './database/schema';
import { buildOpenApi } from './openapi/openapi';
import { docsMode, gatewayConfig } from './config';
import { Authentication } from './auth/authentication';
import { DOCS_PATHS, docsAccess, docsContentSecurityPolicy } from './openapi/docs-access';

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
  // Behind the ingress (GATEWAY_TRUST_PROXY=1) the client is the last X-Forwarded-For entry; with 0 the socket's.
  app.set('trust proxy', config.GATEWAY_TRUST_PROXY);
  // The API answers JSON: it may load nothing and be framed by nobody. /docs and /moi set their own policies.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
      },
    }),
  );
  const docs = docsMode(config);
  app.use(DOCS_PATHS, docsAccess(docs, app.get(Authentication)));
  app.use('/docs', docsContentSecurityPolicy());
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
  if (docs !== 'off') {
    SwaggerModule.setup('docs', app, buildOpenApi(app), {
      jsonDocumentUrl: 'docs-json',
      raw: ['json'],
      // BaseLayout: no top bar, whose logo is an SVG with an inline <style> that the CSP would refuse.
      swaggerOptions: { validatorUrl: null, layout: 'BaseLayout' },
    });
  }
  const port = config.GATEWAY_PORT;
  // An over-long URL or header block is refused by Node before Nest: as problem+json too.
  answerClientErrorsWithProblems(app.getHttpServer());
  await app.listen(port, '0.0.0.0');
  app.get(Logger).log(`gateway ready on port ${port}`);
}

bootstrap().catch((error) => {
  console.error('gateway failed to start', error);
  process.exit(1);
});
