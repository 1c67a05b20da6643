import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { PageQuery } from './pagination';
import { IsDateTimeWithOffset } from './validators';
import { Roles } from './actor';

/**
 * Who changed something, as the audit trail records it: a caller of the API (its role, key id or JWT subject and
 * agency), `system` for what a service did on its own (a consumer of an event, a timer: the subject names which),
 * or `invitee` for an answer given through an invitation's page (the subject is the invitation's id).
 */
export const AuditActorRoles = [...Roles, 'system', 'invitee'] as const;
export type AuditActorRole = (typeof AuditActorRoles)[number];

export class AuditActor {
  @IsIn(AuditActorRoles)
  role: AuditActorRole;

  @IsString()
  subject: string;

  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

/** One field that changed: its value before and after (null when the row was created or removed). */
export interface AuditChange {
  from: unknown;
  to: unknown;
}

/** One state change in one service (GET /audit-events). */
export class AuditEventView {
  @IsUUID()
  id: string;

  @IsString()
  occurredAt: string;

  @ValidateNested()
  @Type(() => AuditActor)
  actor: AuditActor;

  /** `<entity type>.<what happened>`, e.g. `conference.called`, `brief.updated`, `invitation.answered`. */
  @IsString()
  action: string;

  @IsString()
  entityType: string;

  @IsString()
  entityId: string;

  @IsOptional()
  @IsString()
  correlationId?: string;

  /** Each field that changed, `{from, to}`; secrets and file contents appear as `sha256:<hex>` of their value. */
  @IsObject()
  @JSONSchema({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { from: {}, to: {} },
      required: ['from', 'to'],
    },
  })
  changes: Record<string, AuditChange>;

  /** The service that recorded it. */
  @IsIn(['gateway', 'scheduling', 'submissions', 'notifications'])
  service: string;
}

const ACTION = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
const ENTITY_TYPE = /^[a-z][a-z0-9-]*$/;

/** The filters of GET /audit-events, the same in the public query and in each service's internal one. */
export class AuditEventFilters extends PageQuery {
  @IsOptional()
  @Matches(ENTITY_TYPE, { message: 'entityType must be a type such as conference or brief-request' })
  @MaxLength(60)
  entityType?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorSubject?: string;

  @IsOptional()
  @Matches(ACTION, { message: 'action must be an action such as conference.called' })
  @MaxLength(120)
  action?: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  from?: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  to?: string;
}

/**
 * The deepest row a page of the merged trail may reach (page × pageSize): every store hands the gateway its newest
 * rows up to there, so deeper pages are refused (400 naming `page`); narrow with `from`/`to`, or export CSV, which
 * streams every row.
 */
export const AUDIT_PAGE_WINDOW = 10_000;

/**
 * A service's slice of the trail for the gateway to merge: its rows newest first, from just older than the
 * `before` cursor (`<occurredAt ISO>|<id>`, the last row of the previous slice), at most `limit`.
 */
export class AuditSliceQuery extends AuditEventFilters {
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[0-9a-f-]{36}$/, { message: 'before must be a cursor given by a slice' })
  before?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_WINDOW)
  limit?: number = 100;

  /** Count the rows that match the filters as well (the first slice of a page). */
  @IsOptional()
  @IsIn(['true', 'false'])
  count?: 'true' | 'false';
}

export interface AuditSlice {
  items: AuditEventView[];
  /** Present when asked: how many rows match the filters in this store. */
  total?: number;
}

/** The cursor after a row of a slice. */
export function auditCursor(event: Pick<AuditEventView, 'occurredAt' | 'id'>): string {
  return `${event.occurredAt}|${event.id}`;
}

/** Newest first, and by id among rows of the same instant: the order of every slice and of the merge. */
export function compareAuditEvents(a: AuditEventView, b: AuditEventView): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
