import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { ProvinceProfile } from '@pressconf/province';
import { gatewayConfig } from '../config';
// class-transformer keeps its metadata storage out of its typed entry point.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: import('class-transformer/types/MetadataStorage').MetadataStorage;
};

/** JSON schemas of every class in `libs/contracts`, from their class-validator rules: one definition. */
export function contractSchemas(): Record<string, object> {
  return validationMetadatasToSchemas({
    classValidatorMetadataStorage: getMetadataStorage(),
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
    // Our own decorators, which the library cannot read.
    additionalConverters: {
      isDateTimeWithOffset: { type: 'string', format: 'date-time', example: '2027-01-15T09:00:00+07:00' },
    },
  });
}

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/** The document of one province's deployment: its title and licence name the province of PROVINCE_PROFILE. */
export function buildOpenApi(
  app: INestApplication,
  province: ProvinceProfile = gatewayConfig().PROVINCE_PROFILE,
): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`Press information conferences — ${province.english.peoplesCommittee}`)
    .setDescription(
      'Public contract v1: the agency registry, incidents, conferences and their participants, brief requests, ' +
        'invitations, every message sent (deliveries), and the audit trail of every change. Errors are ' +
        'application/problem+json (RFC 9457). Times are ISO-8601 with an offset.',
    )
    .setVersion('1.0.0')
    .setLicense(`Proprietary: ${province.peoplesCommittee.name}`, province.website)
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key (POST /api-keys)' },
      'apiKey',
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'A token of the configured identity provider',
      },
      'bearer',
    )
    .addSecurityRequirements('apiKey')
    .addSecurityRequirements('bearer')
    .addServer('/')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = document.components ?? {};
  document.components.schemas = { ...contractSchemas(), Problem: PROBLEM_SCHEMA, ...document.components.schemas };
  return document;
}
