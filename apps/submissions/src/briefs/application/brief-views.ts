import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AttachmentView,
  BriefReviewView,
  BriefVersionSummary,
  BriefVersionView,
  BriefView,
  NotFoundError,
} from '@pressconf/contracts';
import { BriefRequestEntity } from '../../brief-requests/infrastructure/brief-request.entity';
import { BriefReviewEntity } from '../../review/infrastructure/brief-review.entity';
import { BriefAttachmentEntity } from '../infrastructure/brief-attachment.entity';
import { BriefVersionEntity } from '../infrastructure/brief-version.entity';
import { BriefEntity } from '../infrastructure/brief.entity';

/** Builds the BriefView that every brief endpoint answers with. */
@Injectable()
export class BriefViews {
  async build(
    manager: EntityManager,
    brief: BriefEntity,
    request: BriefRequestEntity,
    version = brief.currentVersion,
  ): Promise<BriefView> {
    const [shown, versions, attachments, reviews] = await Promise.all([
      manager.findOneBy(BriefVersionEntity, { briefId: brief.id, version }),
      manager.find(BriefVersionEntity, {
        where: { briefId: brief.id },
        select: { version: true, title: true, documentNumber: true, savedAt: true, savedBy: true },
        order: { version: 'ASC' },
      }),
      manager.find(BriefAttachmentEntity, { where: { briefId: brief.id }, order: { uploadedAt: 'ASC', id: 'ASC' } }),
      manager.find(BriefReviewEntity, { where: { briefId: brief.id }, order: { reviewedAt: 'ASC', id: 'ASC' } }),
    ]);
    if (!shown) throw new NotFoundError(`Version ${version} of brief`, brief.id);
    return {
      id: brief.id,
      requestId: request.id,
      conferenceId: request.conferenceId,
      agencyId: request.agencyId,
      agencyName: request.agencyName,
      status: request.status,
      currentVersion: brief.currentVersion,
      ...(brief.submittedVersion ? { submittedVersion: brief.submittedVersion } : {}),
      ...(brief.acceptedVersion ? { acceptedVersion: brief.acceptedVersion } : {}),
      version: toVersionView(shown),
      versions: versions.map(toVersionSummary),
      attachments: attachments.map(toAttachmentView),
      reviews: reviews.map(toReviewView),
      createdAt: brief.createdAt.toISOString(),
      updatedAt: brief.updatedAt.toISOString(),
    };
  }
}

function toVersionView(v: BriefVersionEntity): BriefVersionView {
  return {
    version: v.version,
    title: v.title,
    summary: v.summary,
    body: v.body,
    ...(v.documentNumber ? { documentNumber: v.documentNumber } : {}),
    ...(v.issuedAt ? { issuedAt: v.issuedAt.toISOString() } : {}),
    ...(v.signedBy ? { signedBy: v.signedBy } : {}),
    savedAt: v.savedAt.toISOString(),
    savedBy: v.savedBy,
  };
}

function toVersionSummary(v: BriefVersionEntity): BriefVersionSummary {
  return {
    version: v.version,
    title: v.title,
    ...(v.documentNumber ? { documentNumber: v.documentNumber } : {}),
    savedAt: v.savedAt.toISOString(),
    savedBy: v.savedBy,
  };
}

export function toAttachmentView(a: BriefAttachmentEntity): AttachmentView {
  return {
    id: a.id,
    fileName: a.fileName,
    mediaType: a.mediaType,
    size: a.size,
    sha256: a.sha256,
    briefVersion: a.briefVersion,
    uploadedAt: a.uploadedAt.toISOString(),
    uploadedBy: a.uploadedBy,
  };
}

function toReviewView(r: BriefReviewEntity): BriefReviewView {
  return {
    version: r.version,
    decision: r.decision,
    ...(r.comment ? { comment: r.comment } : {}),
    reviewedAt: r.reviewedAt.toISOString(),
    reviewedBy: r.reviewedBy,
  };
}
