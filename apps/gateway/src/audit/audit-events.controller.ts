import { Controller, Get, Header, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Actor,
  AUDIT_PAGE_WINDOW,
  AuditEventFilters,
  contentDisposition,
  InternalApi,
  ValidationFailedError,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { query } from '../http/contract.pipe';
import { ApiRoute, pageSchema } from '../openapi/api-docs';
import { streamAuditCsv } from './audit-csv';
import { AuditTrail } from './audit-trail';

const MEDIA_TYPES = ['application/json', 'text/csv'] as const;
const EXPORT_NAME = 'audit-events.csv';

/** Who changed what, in every service: the merged, append-only audit trail, a page at a time or exported whole. */
@ApiTags('Audit trail')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @Header('Vary', 'Accept')
  // The same roles as each service's slice, which checks them again.
  @Roles(...InternalApi.scheduling.listAuditEvents.roles)
  @ApiQuery({
    name: 'entityType',
    required: false,
    schema: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 60 },
    description: 'e.g. `conference`, `brief-request`, `api-key`',
  })
  @ApiQuery({ name: 'entityId', required: false, schema: { type: 'string', maxLength: 200 } })
  @ApiQuery({
    name: 'actorSubject',
    required: false,
    schema: { type: 'string', maxLength: 200 },
    description: 'Who acted: `api-key:<id>`, `jwt:<subject>`, or the consumer or service that acted on its own',
  })
  @ApiQuery({
    name: 'action',
    required: false,
    schema: { type: 'string', pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$', maxLength: 120 },
    description: '`<entity type>.<what happened>`, e.g. `conference.called`',
  })
  @ApiQuery({ name: 'from', required: false, schema: { type: 'string', format: 'date-time' }, description: 'Included' })
  @ApiQuery({ name: 'to', required: false, schema: { type: 'string', format: 'date-time' }, description: 'Included' })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } })
  @ApiProduces(...MEDIA_TYPES)
  @ApiResponse({
    status: 200,
    description:
      'A page of rows as JSON; with `Accept: text/csv` every matching row (UTF-8 with BOM, a header line, one ' +
      `line per row, the changes as JSON), as the attachment \`${EXPORT_NAME}\``,
    content: {
      'application/json': { schema: pageSchema('AuditEventView') },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiRoute({
    summary: 'The audit trail: every state change in every service',
    description:
      'Append-only: one row per change of a registry entry, conference, invitee, brief, delivery, API key and the ' +
      'rest, written by the database in the changing transaction — who acted (role, key id or token subject, ' +
      'agency), the action (`conference.called`), the entity, the correlation id of the request, and each field ' +
      'changed `{from, to}` (secrets and file contents as `sha256:<hex>`). Newest first across all services; the ' +
      'filters combine. ' +
      `Paging reaches the newest ${AUDIT_PAGE_WINDOW} rows of a query: \`page\` × \`pageSize\` above that is a ` +
      '400 naming `page`; narrow the period with `from`/`to`, or export CSV. With `Accept: text/csv` the whole ' +
      'filtered trail is streamed, however long, and `page`/`pageSize` are ignored.',
    success: { status: 200, description: 'A page of rows, or the CSV export' },
    errors: [400],
  })
  async list(
    @Query(query(AuditEventFilters)) q: AuditEventFilters,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (request.accepts([...MEDIA_TYPES]) === 'text/csv') {
      await streamAuditCsv(this.trail.rows(q, actor), () =>
        response
          .status(200)
          .type('text/csv; charset=utf-8')
          .setHeader('Content-Disposition', contentDisposition('attachment', EXPORT_NAME)),
      );
      return;
    }
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    if (page * pageSize > AUDIT_PAGE_WINDOW) {
      throw new ValidationFailedError([
        {
          field: 'page',
          message:
            `page × pageSize must be at most ${AUDIT_PAGE_WINDOW}: narrow the period with from/to, or export ` +
            'the rows as CSV (Accept: text/csv)',
        },
      ]);
    }
    response.status(200).json(await this.trail.page(q, actor));
  }
}
