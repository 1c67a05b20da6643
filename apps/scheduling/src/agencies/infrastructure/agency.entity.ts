import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgencyContact, AgencyKind, AgencyRole } from '@pressconf/contracts';

/**
 * An agency of the registry. Roles are data: a merger or a renaming closes one agency (`validTo`) and opens
 * another (`validFrom`), and a conference takes the registry as it stood when it was called.
 */
@Entity({ name: 'agency' })
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40, unique: true })
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

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true })
  validTo: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
