import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable, AuditedTable, unauditTable } from '@pressconf/messaging';

/** File contents are left out; each file's `sha256` column is recorded instead. */
const FILE = ['content'];

/** What submissions' audit trail records: brief requests, briefs and their files, reviews, packs, reports, offers. */
export const SUBMISSIONS_AUDITED: readonly AuditedTable[] = [
  { table: 'brief_request', entityType: 'brief-request', statusColumn: 'status', ignore: ['created_at', 'updated_at'] },
  { table: 'brief', entityType: 'brief', ignore: ['created_at', 'updated_at'] },
  { table: 'brief_version', entityType: 'brief-version', idColumns: ['brief_id', 'version'] },
  { table: 'brief_attachment', entityType: 'attachment', ignore: FILE },
  { table: 'brief_review', entityType: 'brief-review' },
  { table: 'briefing_pack', entityType: 'briefing-pack', ignore: ['pdf', 'json'] },
  { table: 'orientation_document', entityType: 'orientation-document', ignore: FILE },
  { table: 'obstacle_report', entityType: 'obstacle-report', statusColumn: 'status' },
  { table: 'information_offer', entityType: 'information-offer', statusColumn: 'status' },
  { table: 'information_offer_attachment', entityType: 'information-offer-attachment', ignore: FILE },
];

export class SubmissionsAuditTrail1796000100000 implements MigrationInterface {
  name = 'SubmissionsAuditTrail1796000100000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of SUBMISSIONS_AUDITED) await auditTable(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of SUBMISSIONS_AUDITED) await unauditTable(q, table);
  }
}
