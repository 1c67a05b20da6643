import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  BriefRequestView,
  DeclareNothingToReportDto,
  EventTypes,
  NominateRepresentativesDto,
  NotFoundError,
  Page,
  PageQuery,
} from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { agencyScope, assertCanAct, assertCanRead } from '../domain/access';
import { apply } from '../domain/lifecycle';
import { BriefRequestEntity } from '../infrastructure/brief-request.entity';
import { lockRequest } from '../infrastructure/brief-request.queries';
import { assertHostReadsConference } from './host-reads';
import { toBriefRequestView } from './brief-request-view';
import { briefRequestFacts } from './brief-request-facts';

/**
 * What the callers do with brief requests, as opposed to what events do to them (BriefRequestsService): read them
 * within their scope, and for the agency, name its representatives or declare it has nothing to report.
 */
@Injectable()
export class BriefRequestAnswers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** An agency sees only its own agency's requests; the coordinator all, a host all of the conferences it hosts. */
  async listForConference(conferenceId: string, actor: Actor, query: PageQuery): Promise<Page<BriefRequestView>> {
    await assertHostReadsConference(this.dataSource.manager, actor, conferenceId, 'Conference', conferenceId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [rows, total] = await this.dataSource.getRepository(BriefRequestEntity).findAndCount({
      where: { conferenceId, ...agencyScope(actor) },
      order: { agencyName: 'ASC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: await this.toViews(this.dataSource.manager, rows), page, pageSize, total };
  }

  async get(id: string, actor: Actor): Promise<BriefRequestView> {
    const request = await this.dataSource.getRepository(BriefRequestEntity).findOneBy({ id });
    if (!request) throw new NotFoundError('Brief request', id);
    assertCanRead(actor, request, 'Brief request', id);
    await assertHostReadsConference(this.dataSource.manager, actor, request.conferenceId, 'Brief request', id);
    return (await this.toViews(this.dataSource.manager, [request]))[0];
  }

  /** Replaces who the agency sends to attend and speak. */
  async nominate(id: string, dto: NominateRepresentativesDto, actor: Actor): Promise<BriefRequestView> {
    return this.dataSource.transaction(async (tx) => {
      const request = await lockRequest(tx, id);
      assertCanAct(actor, request, 'Brief request', id);
      apply(request.status, 'NOMINATE');
      request.representatives = dto.representatives.map(({ name, title, speaks, email, phone }) => ({
        name,
        title,
        speaks,
        ...(email ? { email } : {}),
        ...(phone ? { phone } : {}),
      }));
      await tx.save(request);
      return (await this.toViews(tx, [request]))[0];
    });
  }

  /** The agency has nothing to report: its request closes without a brief. */
  async declareNothingToReport(id: string, dto: DeclareNothingToReportDto, actor: Actor): Promise<BriefRequestView> {
    return this.dataSource.transaction(async (tx) => {
      const request = await lockRequest(tx, id);
      assertCanAct(actor, request, 'Brief request', id);
      request.status = apply(request.status, 'DECLARE_NOTHING_TO_REPORT');
      request.closedReason = 'NOTHING_TO_REPORT';
      request.closingNote = dto.comment?.trim() || null;
      await tx.save(request);
      await this.outbox.add(tx, EventTypes.briefRequestClosed, request.conferenceId, {
        ...briefRequestFacts(request),
        reason: request.closingNote
          ? `Không có thông tin cần cung cấp: ${request.closingNote}`
          : 'Không có thông tin cần cung cấp',
        closedReason: request.closedReason,
      });
      return (await this.toViews(tx, [request]))[0];
    });
  }

  private async toViews(manager: EntityManager, requests: BriefRequestEntity[]): Promise<BriefRequestView[]> {
    if (requests.length === 0) return [];
    const briefs: Array<{ id: string; request_id: string }> = await manager.query(
      `SELECT id, request_id FROM brief WHERE request_id = ANY($1::uuid[])`,
      [requests.map((r) => r.id)],
    );
    const briefOf = new Map(briefs.map((b) => [b.request_id, b.id]));
    return requests.map((r) => toBriefRequestView(r, briefOf.get(r.id)));
  }
}
