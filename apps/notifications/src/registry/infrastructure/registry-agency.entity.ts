import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgencyContactEventData, AgencyKind, AgencyRole } from '@pressconf/contracts';

/**
 * notifications' copy of one agency of scheduling's registry, from `scheduling.agency.v1`: each event carries the
 * agency whole, and the row is replaced by it. Whom mail about an agency's reports and offers goes to.
 */
@Entity({ name: 'registry_agency' })
export class RegistryAgency {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'registry_agency_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 40 })
  kind: AgencyKind;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  roles: AgencyRole[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts: AgencyContactEventData[];

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true })
  validTo: Date | null;

  /** When the event that wrote the row occurred: an older one delivered late does not overwrite a newer one. */
  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
