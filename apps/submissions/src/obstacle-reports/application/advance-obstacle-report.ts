import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, EventTypes, NotFoundError, ObstacleReportView } from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { advance } from '../domain/obstacle-report-lifecycle';
import { ObstacleReportEntity } from '../infrastructure/obstacle-report.entity';
import { toObstacleReportEvent, toObstacleReportView } from './obstacle-report-views';

/**
 * The coordinator's steps: forward a report to the People's Committee with a note, then record its resolution.
 * Each locks the report, checks the step follows (409 otherwise), and puts its event in the same transaction.
 */
@Injectable()
export class AdvanceObstacleReport {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  forward(id: string, note: string, actor: Actor): Promise<ObstacleReportView> {
    return this.dataSource.transaction(async (tx) => {
      const report = await this.lock(tx, id);
      report.status = advance(report.status, 'FORWARD');
      report.note = note.trim();
      report.forwardedAt = new Date();
      report.forwardedBy = actor.subject;
      await tx.save(report);
      await this.outbox.add(tx, EventTypes.obstacleForwarded, report.id, toObstacleReportEvent(report));
      return toObstacleReportView(report);
    });
  }

  resolve(id: string, resolution: string, actor: Actor): Promise<ObstacleReportView> {
    return this.dataSource.transaction(async (tx) => {
      const report = await this.lock(tx, id);
      report.status = advance(report.status, 'RESOLVE');
      report.resolution = resolution.trim();
      report.resolvedAt = new Date();
      report.resolvedBy = actor.subject;
      await tx.save(report);
      await this.outbox.add(tx, EventTypes.obstacleResolved, report.id, toObstacleReportEvent(report));
      return toObstacleReportView(report);
    });
  }

  private async lock(tx: EntityManager, id: string): Promise<ObstacleReportEntity> {
    const report = await tx.findOne(ObstacleReportEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!report) throw new NotFoundError('Obstacle report', id);
    return report;
  }
}
