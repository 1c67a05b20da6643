import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, BriefView, DomainRuleError, EventTypes, ReviewBriefDto, SubmitBriefDto } from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { assertCanAct, assertCanReview } from '../../brief-requests/domain/access';
import { apply, submit } from '../../brief-requests/domain/lifecycle';
import { lockRequest } from '../../brief-requests/infrastructure/brief-request.queries';
import { BriefViews } from '../../briefs/application/brief-views';
import { BriefEntity } from '../../briefs/infrastructure/brief.entity';
import { BriefReviewEntity } from '../infrastructure/brief-review.entity';

/** Submission by the agency and review by the coordinator, each with its event in the same transaction. */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly views: BriefViews,
  ) {}

  async submit(requestId: string, dto: SubmitBriefDto, actor: Actor): Promise<BriefView> {
    return this.dataSource.transaction(async (tx) => {
      const request = await lockRequest(tx, requestId);
      assertCanAct(actor, request, 'Brief request', requestId);
      const found = await tx.findOneBy(BriefEntity, { requestId });
      const { status, brief } = submit(request.status, found ?? undefined, {
        lastReturnedVersion: found ? await this.lastReturnedVersion(tx, found.id) : undefined,
        expectedVersion: dto.version,
      });
      brief.submittedVersion = brief.currentVersion;
      request.status = status;
      await tx.save(brief);
      await tx.save(request);
      await this.outbox.add(tx, EventTypes.briefSubmitted, request.conferenceId, {
        requestId: request.id,
        briefId: brief.id,
        conferenceId: request.conferenceId,
        agencyId: request.agencyId,
        version: brief.currentVersion,
      });
      return this.views.build(tx, brief, request);
    });
  }

  async review(requestId: string, dto: ReviewBriefDto, actor: Actor): Promise<BriefView> {
    assertCanReview(actor);
    return this.dataSource.transaction(async (tx) => {
      const request = await lockRequest(tx, requestId);
      const status = apply(request.status, dto.decision === 'ACCEPT' ? 'ACCEPT' : 'RETURN');
      const brief = await tx.findOneBy(BriefEntity, { requestId });
      if (!brief?.submittedVersion) {
        throw new DomainRuleError(`Brief request ${requestId} has no submitted brief`, 'brief-required');
      }
      const comment = dto.comment?.trim() || null;
      await tx.insert(BriefReviewEntity, {
        id: randomUUID(),
        briefId: brief.id,
        version: brief.submittedVersion,
        decision: dto.decision,
        comment,
        reviewedBy: actor.subject,
      });
      if (dto.decision === 'ACCEPT') brief.acceptedVersion = brief.submittedVersion;
      request.status = status;
      await tx.save(brief);
      await tx.save(request);
      await this.outbox.add(tx, EventTypes.briefReviewed, request.conferenceId, {
        requestId: request.id,
        briefId: brief.id,
        conferenceId: request.conferenceId,
        agencyId: request.agencyId,
        version: brief.submittedVersion,
        decision: dto.decision,
        ...(comment ? { comment } : {}),
      });
      return this.views.build(tx, brief, request);
    });
  }

  private async lastReturnedVersion(tx: EntityManager, briefId: string): Promise<number | undefined> {
    const [row]: Array<{ version: number | null }> = await tx.query(
      `SELECT max(version) AS version FROM brief_review WHERE brief_id = $1 AND decision = 'RETURN'`,
      [briefId],
    );
    return row?.version ?? undefined;
  }
}
