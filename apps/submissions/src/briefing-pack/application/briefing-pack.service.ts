import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  Actor,
  BriefingPackCompiled,
  BriefingPackFileQuery,
  BriefingPackSummary,
  BriefingPackView,
  DomainRuleError,
  EventTypes,
  ForbiddenError,
  isStaff,
  NotFoundError,
  PackBriefView,
  RepresentativeDto,
  StateConflictError,
} from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { assertHostReads } from '../../brief-requests/domain/access';
import { ConferenceProjection } from '../../brief-requests/infrastructure/conference-projection.entity';
import { toAttachmentView } from '../../briefs/application/brief-views';
import { BriefAttachmentEntity } from '../../briefs/infrastructure/brief-attachment.entity';
import { StoredFile } from '../../files/application/stored-file';
import { toOrientationDocumentView } from '../../orientation/application/orientation-documents';
import { OrientationDocumentEntity } from '../../orientation/infrastructure/orientation-document.entity';
import { assertPackReadable } from '../domain/embargo';
import { orderBriefs, PackContents, packFingerprint } from '../domain/pack-contents';
import { packFor, seesRepresentativeContacts } from '../domain/pack-visibility';
import { BriefingPackEntity } from '../infrastructure/briefing-pack.entity';
import { packFileReader } from '../infrastructure/pack-files';
import { renderBriefingPack } from '../rendering/pack-pdf';

interface AcceptedBriefRow {
  request_id: string;
  agency_id: string;
  agency_name: string;
  representatives: RepresentativeDto[];
  brief_id: string;
  version: number;
  title: string;
  summary: string;
  body: string;
  document_number: string | null;
  issued_at: Date | null;
  signed_by: string | null;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

@Injectable()
export class BriefingPackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Compiles the accepted briefs and the orientation documents into a new version of the pack, unless nothing
   * changed since the latest version, which is then answered as it is. The conference row is locked, so that
   * two compilations never make the same version.
   */
  async compile(conferenceId: string, actor: Actor): Promise<BriefingPackCompiled> {
    if (!isStaff(actor)) throw new ForbiddenError('Only the coordinator compiles the briefing pack');
    return this.dataSource.transaction(async (tx) => {
      const conference = await tx
        .getRepository(ConferenceProjection)
        .createQueryBuilder('c')
        .where('c.id = :id', { id: conferenceId })
        .setLock('pessimistic_write')
        .getOne();
      if (!conference) throw new NotFoundError('Conference', conferenceId);
      if (conference.status === 'CANCELLED') {
        throw new StateConflictError(`Conference ${conferenceId} is CANCELLED`, conference.status);
      }
      const inputs = {
        conference: {
          id: conference.id,
          kind: conference.kind,
          title: conference.title,
          startsAt: conference.startsAt.toISOString(),
          endsAt: conference.endsAt.toISOString(),
          venue: conference.venue,
          topics: conference.topics,
        },
        briefs: await this.acceptedBriefs(tx, conferenceId),
        orientationDocuments: (
          await tx.find(OrientationDocumentEntity, { where: { conferenceId }, order: { uploadedAt: 'ASC', id: 'ASC' } })
        ).map(toOrientationDocumentView),
      };
      if (inputs.briefs.length === 0 && inputs.orientationDocuments.length === 0) {
        throw new DomainRuleError(
          'Nothing to compile yet: accept a brief or add an orientation document first',
          'pack-needs-content',
        );
      }
      const fingerprint = packFingerprint(inputs);
      const latest = await tx.findOne(BriefingPackEntity, { where: { conferenceId }, order: { version: 'DESC' } });
      if (latest?.fingerprint === fingerprint) {
        return { created: false, pack: toSummary(latest, conference.startsAt) };
      }
      const contents: PackContents = {
        ...inputs,
        version: (latest?.version ?? 0) + 1,
        compiledAt: new Date().toISOString(),
        availableFrom: conference.startsAt.toISOString(),
      };
      const { pdf, pageCount } = await renderBriefingPack(contents, packFileReader(tx));
      const pack = tx.create(BriefingPackEntity, {
        id: randomUUID(),
        conferenceId,
        version: contents.version,
        fingerprint,
        briefIds: contents.briefs.map((b) => b.briefId),
        orientationDocumentIds: contents.orientationDocuments.map((d) => d.id),
        pageCount,
        pdf,
        pdfSize: pdf.length,
        pdfSha256: sha256(pdf),
        compiledAt: new Date(contents.compiledAt),
        compiledBy: actor.subject,
      });
      const summary = toSummary(pack, conference.startsAt);
      const view: BriefingPackView = {
        ...summary,
        conference: contents.conference,
        briefs: contents.briefs,
        orientationDocuments: contents.orientationDocuments,
      };
      pack.json = Buffer.from(JSON.stringify(view), 'utf8');
      pack.jsonSha256 = sha256(pack.json);
      await tx.insert(BriefingPackEntity, pack);
      await this.outbox.add(tx, EventTypes.briefingPackCompiled, conferenceId, {
        conferenceId,
        packId: pack.id,
        version: pack.version,
        briefIds: pack.briefIds,
        availableFrom: summary.availableFrom,
      });
      return { created: true, pack: summary };
    });
  }

  /**
   * The pack's PDF as stored, or its JSON as the actor may read it (README, "Who sees what"); under embargo for
   * all but the hosts until the conference starts.
   */
  async read(
    conferenceId: string,
    query: BriefingPackFileQuery,
    actor: Actor,
  ): Promise<StoredFile & { version: number }> {
    const conference = await this.dataSource.getRepository(ConferenceProjection).findOneBy({ id: conferenceId });
    if (!conference) throw new NotFoundError('Conference', conferenceId);
    assertHostReads(actor, conference.hosts, 'Conference', conferenceId);
    assertPackReadable(actor, conference.startsAt, new Date());
    const column = query.format === 'pdf' ? 'pdf' : 'json';
    const [row]: Array<{ version: number; sha256: string; content: Buffer }> = await this.dataSource.query(
      `SELECT version, ${column}_sha256 AS sha256, ${column} AS content
         FROM briefing_pack
        WHERE conference_id = $1 AND ($2::int IS NULL OR version = $2)
        ORDER BY version DESC LIMIT 1`,
      [conferenceId, query.version ?? null],
    );
    if (!row) {
      const what = query.version
        ? `Version ${query.version} of the briefing pack of conference`
        : 'Briefing pack of conference';
      throw new NotFoundError(what, conferenceId);
    }
    let { content, sha256: digest } = row;
    if (query.format === 'json' && !seesRepresentativeContacts(actor)) {
      const stored = JSON.parse(content.toString('utf8')) as BriefingPackView;
      content = Buffer.from(JSON.stringify(packFor(actor, stored)), 'utf8');
      digest = sha256(content);
    }
    return {
      fileName: `tai-lieu-hoi-nghi-${conferenceId.slice(0, 8)}-v${row.version}.${query.format}`,
      mediaType: query.format === 'pdf' ? 'application/pdf' : 'application/json; charset=utf-8',
      sha256: digest,
      content,
      version: row.version,
    };
  }

  private async acceptedBriefs(tx: EntityManager, conferenceId: string): Promise<PackBriefView[]> {
    const rows: AcceptedBriefRow[] = await tx.query(
      `SELECT r.id AS request_id, r.agency_id, r.agency_name, r.representatives, b.id AS brief_id,
              b.accepted_version AS version, v.title, v.summary, v.body, v.document_number, v.issued_at, v.signed_by
         FROM brief_request r
         JOIN brief b ON b.request_id = r.id
         JOIN brief_version v ON v.brief_id = b.id AND v.version = b.accepted_version
        WHERE r.conference_id = $1 AND r.status = 'ACCEPTED'`,
      [conferenceId],
    );
    if (rows.length === 0) return [];
    const attachments = await tx.find(BriefAttachmentEntity, {
      where: { briefId: In(rows.map((r) => r.brief_id)) },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
    return orderBriefs(
      rows.map((r) => ({
        briefId: r.brief_id,
        requestId: r.request_id,
        agencyId: r.agency_id,
        agencyName: r.agency_name,
        version: r.version,
        title: r.title,
        summary: r.summary,
        body: r.body,
        ...(r.document_number ? { documentNumber: r.document_number } : {}),
        ...(r.issued_at ? { issuedAt: r.issued_at.toISOString() } : {}),
        ...(r.signed_by ? { signedBy: r.signed_by } : {}),
        // The files as they were when the accepted version was saved or before.
        attachments: attachments
          .filter((a) => a.briefId === r.brief_id && a.briefVersion <= r.version)
          .map(toAttachmentView),
        representatives: r.representatives,
      })),
    );
  }
}

function toSummary(pack: BriefingPackEntity, startsAt: Date): BriefingPackSummary {
  return {
    id: pack.id,
    conferenceId: pack.conferenceId,
    version: pack.version,
    compiledAt: pack.compiledAt.toISOString(),
    compiledBy: pack.compiledBy,
    availableFrom: startsAt.toISOString(),
    briefIds: pack.briefIds,
    orientationDocumentIds: pack.orientationDocumentIds,
    pageCount: pack.pageCount,
    pdf: { size: pack.pdfSize, sha256: pack.pdfSha256 },
  };
}
