import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, BriefView, NotFoundError, SaveBriefDto } from '@pressconf/contracts';
import { assertHostReadsConference } from '../../brief-requests/application/host-reads';
import { assertCanAct, assertCanRead } from '../../brief-requests/domain/access';
import { apply } from '../../brief-requests/domain/lifecycle';
import { BriefRequestEntity } from '../../brief-requests/infrastructure/brief-request.entity';
import { lockRequest } from '../../brief-requests/infrastructure/brief-request.queries';
import { BriefVersionEntity } from '../infrastructure/brief-version.entity';
import { BriefEntity } from '../infrastructure/brief.entity';
import { BriefLimits } from './brief-limits';
import { BriefViews } from './brief-views';

@Injectable()
export class BriefsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: BriefViews,
    private readonly limits: BriefLimits,
  ) {}

  /** Saves a new version of the request's brief (the first save creates the brief); earlier versions stay. */
  async save(requestId: string, dto: SaveBriefDto, actor: Actor): Promise<BriefView> {
    return this.dataSource.transaction(async (tx) => {
      const request = await lockRequest(tx, requestId);
      assertCanAct(actor, request, 'Brief request', requestId);
      apply(request.status, 'SAVE_VERSION');
      let brief = await tx.findOneBy(BriefEntity, { requestId });
      if (!brief) {
        brief = tx.create(BriefEntity, {
          id: randomUUID(),
          requestId,
          currentVersion: 0,
          submittedVersion: null,
          acceptedVersion: null,
        });
      }
      this.limits.assertVersionRoom(brief.currentVersion);
      brief.currentVersion += 1;
      await tx.save(brief);
      await tx.insert(BriefVersionEntity, {
        briefId: brief.id,
        version: brief.currentVersion,
        title: dto.title.trim(),
        summary: dto.summary.trim(),
        body: dto.body,
        documentNumber: dto.documentNumber?.trim() || null,
        issuedAt: dto.issuedAt ? new Date(dto.issuedAt) : null,
        signedBy: dto.signedBy?.trim() || null,
        savedBy: actor.subject,
      });
      return this.views.build(tx, brief, request);
    });
  }

  async get(id: string, actor: Actor, version?: number): Promise<BriefView> {
    const brief = await this.dataSource.getRepository(BriefEntity).findOneBy({ id });
    if (!brief) throw new NotFoundError('Brief', id);
    const request = await this.dataSource.getRepository(BriefRequestEntity).findOneByOrFail({ id: brief.requestId });
    assertCanRead(actor, request, 'Brief', id);
    await assertHostReadsConference(this.dataSource.manager, actor, request.conferenceId, 'Brief', id);
    return this.views.build(this.dataSource.manager, brief, request, version);
  }
}
