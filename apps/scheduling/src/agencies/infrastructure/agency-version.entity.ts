import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgencyContact, AgencyKind, AgencyRole } from '@pressconf/contracts';

/**
 * The agency as it stood from `recordedFrom` until `recordedTo` (null: in force now). Append-only: a change of the
 * agency closes the version in force and adds the next one, in the transaction of the change, so that the registry
 * can answer for any past instant (domain/agency-history.ts).
 */
@Entity({ name: 'agency_version' })
@Check('agency_version_recorded', 'recorded_to IS NULL OR recorded_to >= recorded_from')
export class AgencyVersionEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid', primaryKeyConstraintName: 'agency_version_pkey' })
  agencyId: string;

  /** 1 for the agency as registered, then one more per change. */
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'agency_version_pkey' })
  version: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 40 })
  kind: AgencyKind;

  @Column({ type: 'text', array: true })
  roles: AgencyRole[];

  @Column({ type: 'text', array: true })
  fields: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  territory: string | null;

  @Column({ type: 'jsonb' })
  contacts: AgencyContact[];

  /** The agency's validity as this version stated it (reads use the agency's current one: see agency-history.ts). */
  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true })
  validTo: Date | null;

  @Column({ name: 'recorded_from', type: 'timestamptz' })
  recordedFrom: Date;

  @Column({ name: 'recorded_to', type: 'timestamptz', nullable: true })
  recordedTo: Date | null;
}
