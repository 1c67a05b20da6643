import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager } from 'typeorm';
import { problem } from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';
import type { SubmissionsConfig } from '../../config';
import { localDay } from '../domain/local-day';

type LimitName = 'BRIEF_MAX_ATTACHMENTS' | 'BRIEF_MAX_VERSIONS' | 'AGENCY_UPLOAD_MAX_BYTES_PER_DAY';

/** The problem of a limit reached: the limit named in the detail and as `limit` {name, value}, for a client to read. */
function reached(status: 413 | 429, name: LimitName, value: number, detail: string, headers = {}): ProblemError {
  return new ProblemError(problem(status, `${detail} (${name} = ${value}).`, { limit: { name, value } }), headers);
}

/**
 * What one agency may store (the database holds every file whole): files per brief and versions per brief (413: the
 * brief would be too large), and bytes attached to its briefs per local day (429 until the next day, Retry-After).
 */
@Injectable()
export class BriefLimits {
  private readonly maxAttachments = this.config.get('BRIEF_MAX_ATTACHMENTS', { infer: true });
  private readonly maxVersions = this.config.get('BRIEF_MAX_VERSIONS', { infer: true });
  private readonly bytesPerDay = this.config.get('AGENCY_UPLOAD_MAX_BYTES_PER_DAY', { infer: true });
  private readonly zone = this.config.get('TZ_DISPLAY', { infer: true });

  constructor(private readonly config: ConfigService<SubmissionsConfig, true>) {}

  assertVersionRoom(currentVersion: number): void {
    if (currentVersion >= this.maxVersions) {
      throw reached(413, 'BRIEF_MAX_VERSIONS', this.maxVersions, 'The brief has as many versions as one may have');
    }
  }

  async assertAttachmentRoom(tx: EntityManager, briefId: string): Promise<void> {
    const [{ n }]: Array<{ n: number }> = await tx.query(
      `SELECT count(*)::int AS n FROM brief_attachment WHERE brief_id = $1`,
      [briefId],
    );
    if (n >= this.maxAttachments) {
      throw reached(413, 'BRIEF_MAX_ATTACHMENTS', this.maxAttachments, 'The brief has as many files as one may have');
    }
  }

  /**
   * Whether a file of `size` bytes fits in what the agency has left today; without a size (before the file is read),
   * whether anything is left. With a size, the agency's uploads are counted one at a time (a transaction-scoped
   * advisory lock), so that two at once cannot both take the last room.
   */
  async assertDailyRoom(tx: EntityManager, agencyId: string, size?: number, now = new Date()): Promise<void> {
    if (size !== undefined) {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`upload-quota:${agencyId}`]);
    }
    const day = localDay(now, this.zone);
    const [{ used }]: Array<{ used: string }> = await tx.query(
      // Files attached to the agency's information offers count too: they are stored the same way.
      `SELECT coalesce(sum(size_bytes), 0) AS used FROM (
         SELECT a.size_bytes
           FROM brief_attachment a JOIN brief b ON b.id = a.brief_id JOIN brief_request r ON r.id = b.request_id
          WHERE r.agency_id = $1 AND a.uploaded_at >= $2
         UNION ALL
         SELECT f.size_bytes
           FROM information_offer_attachment f JOIN information_offer o ON o.id = f.offer_id
          WHERE o.agency_id = $1 AND f.uploaded_at >= $2) attached`,
      [agencyId, day.start],
    );
    const full = size === undefined ? Number(used) >= this.bytesPerDay : Number(used) + size > this.bytesPerDay;
    if (full) {
      const retryAfter = Math.max(1, Math.ceil((day.end.getTime() - now.getTime()) / 1000));
      throw reached(
        429,
        'AGENCY_UPLOAD_MAX_BYTES_PER_DAY',
        this.bytesPerDay,
        `The agency has attached ${used} bytes to its briefs and offers today; no more fits in its daily limit until midnight`,
        { 'Retry-After': String(retryAfter) },
      );
    }
  }
}
