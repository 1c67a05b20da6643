import { Controller, Inject, Injectable, Query, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditSlice, AuditSliceQuery, InternalApi, ServiceName, validateInto } from '@pressconf/contracts';
import { platformConfig } from '../config/shared';
import { InternalEndpoint } from '../internal-api/internal-endpoint';
import { PeriodicJob, ScheduledJob } from '../scheduling/periodic-job';
import { AuditEvents } from './audit-events';
import { auditRetentionJob } from './audit-retention';

export const AUDIT_EVENTS = Symbol('AUDIT_EVENTS');

/** Keeps the trail's month partitions of the process's database (made ahead, dropped past the retention). */
@Injectable()
export class AuditRetention extends ScheduledJob {
  protected readonly job: PeriodicJob;

  constructor(dataSource: DataSource) {
    super();
    this.job = auditRetentionJob(dataSource, platformConfig().AUDIT_RETENTION_MONTHS);
  }
}

/** The internal route serving a service's slice of the trail to the gateway. */
export function auditEventsController(service: ServiceName): Type<unknown> {
  @Controller()
  class AuditEventsController {
    constructor(@Inject(AUDIT_EVENTS) private readonly events: AuditEvents) {}

    @InternalEndpoint(InternalApi[service].listAuditEvents)
    async list(@Query() query: Record<string, unknown>): Promise<AuditSlice> {
      return this.events.slice(await validateInto(AuditSliceQuery, query));
    }
  }
  return AuditEventsController;
}
