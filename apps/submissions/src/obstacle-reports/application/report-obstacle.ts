import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, EventTypes, ForbiddenError, ObstacleReportView, ReportObstacleDto } from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { ObstacleReportEntity } from '../infrastructure/obstacle-report.entity';
import { toObstacleReportEvent, toObstacleReportView } from './obstacle-report-views';

/** An agency reports a difficulty it meets in carrying out the plan; the report and its event share a transaction. */
@Injectable()
export class ReportObstacle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(dto: ReportObstacleDto, actor: Actor): Promise<ObstacleReportView> {
    if (!actor.agencyId) throw new ForbiddenError('Only an agency’s key can report an obstacle for that agency');
    const agencyId = actor.agencyId;
    return this.dataSource.transaction(async (tx) => {
      const report = tx.create(ObstacleReportEntity, {
        id: randomUUID(),
        agencyId,
        conferenceId: dto.conferenceId ?? null,
        title: dto.title.trim(),
        description: dto.description.trim(),
        proposal: dto.proposal?.trim() || null,
        status: 'OPEN',
        reportedAt: new Date(),
        reportedBy: actor.subject,
        note: null,
        forwardedAt: null,
        forwardedBy: null,
        resolution: null,
        resolvedAt: null,
        resolvedBy: null,
      });
      await tx.insert(ObstacleReportEntity, report);
      await this.outbox.add(tx, EventTypes.obstacleReported, report.id, toObstacleReportEvent(report));
      return toObstacleReportView(report);
    });
  }
}
