import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiSecurity, getSchemaPath } from '@nestjs/swagger';

const ERRORS: Record<number, string> = {
  400: 'Malformed or invalid input; `errors` names each field',
  401: 'No or bad credentials',
  403: 'Authenticated but not allowed',
  404: 'Not found (also for another agency’s object)',
  409: 'Conflict with the current state',
  410: 'Gone: the invitation link expired (RSVP_LINK_DAYS_AFTER_END after the conference ended)',
  413: 'Over a storage limit; `limit` names it ({name, value})',
  422: 'A domain rule refused it',
  429: 'Over a limit for now; Retry-After says when to try again (`limit` names a quota)',
  503: 'Busy or unavailable; Retry-After says when to try again',
  504: 'A service did not answer in time',
};

const problemResponse = (status: number) =>
  ApiResponse({
    status,
    description: ERRORS[status],
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath('Problem') } } },
  });

/** The schema of a page of a list (`{items, page, pageSize, total}`) whose items are the named schema. */
export function pageSchema(items: string) {
  return {
    type: 'object',
    required: ['items', 'page', 'pageSize', 'total'],
    properties: {
      items: { type: 'array', items: { $ref: getSchemaPath(items) } },
      page: { type: 'integer', minimum: 1 },
      pageSize: { type: 'integer', minimum: 1, maximum: 100 },
      total: { type: 'integer', minimum: 0 },
    },
  };
}

/** One route's documentation: summary, body schema from `libs/contracts`, success and error responses. */
export function ApiRoute(options: {
  summary: string;
  description?: string;
  body?: string;
  success: { status: number; description: string; schema?: string; list?: boolean };
  errors?: number[];
  secured?: boolean;
}) {
  const { success } = options;
  const schema = success.schema
    ? success.list
      ? pageSchema(success.schema)
      : { $ref: getSchemaPath(success.schema) }
    : undefined;
  return applyDecorators(
    // A public route says so with an empty requirement, overriding the document's default.
    ApiOperation({
      summary: options.summary,
      description: options.description,
      ...(options.secured === false ? { security: [] } : {}),
    }),
    ...(options.body ? [ApiBody({ schema: { $ref: getSchemaPath(options.body) } })] : []),
    ApiResponse({ status: success.status, description: success.description, ...(schema ? { schema } : {}) }),
    ...[...(options.secured === false ? [] : [401, 403]), ...(options.errors ?? [])].sort().map(problemResponse),
    ...(options.secured === false ? [] : [ApiSecurity('apiKey'), ApiBearerAuth('bearer')]),
  );
}
