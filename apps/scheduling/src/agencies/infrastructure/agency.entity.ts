import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { AgencyContact, AgencyKind, AgencyRole } from '@pressconf/contracts';

/**
 * An agency of the registry. Roles are data: a merger or a renaming closes one agency (`validTo`) and opens
 * another (`validFrom`), and a conference takes the registry as it stood when it was called.
 */
@Entity({ name: 'agency' })
@Check('agency_validity', 'valid_to IS NULL OR valid_to > valid_from')
@Index('agency_roles', ['roles'], { type: 'gin' })
@Unique('agency_code_key', ['code'])
export class AgencyEntity {
  /** Defaults to gen_random_uuid() in the migration; TypeORM does not compare a generated column's default. */
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'agency_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 40 })
  kind: AgencyKind;

  @Column({ type: 'text', array: true, default: '{}' })
  roles: AgencyRole[];

  @Column({ type: 'text', array: true, default: '{}' })
  fields: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  territory: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  contacts: AgencyContact[];

  @Column({ name: 'valid_from', type: 'timestamptz', default: () => 'now()' })
  validFrom: Date;

  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true })
  validTo: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
