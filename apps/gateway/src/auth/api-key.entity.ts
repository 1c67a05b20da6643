import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { Role } from '@pressconf/contracts';

/** An API key, stored as its SHA-256 only: keys are 32 random bytes, so a fast hash is enough. */
@Entity({ name: 'api_key' })
@Unique('api_key_hash_key', ['hash'])
/** A live key of a role acting for one agency (AGENCY_BOUND_ROLES) names it. */
@Check('api_key_agency', `role NOT IN ('agency', 'press', 'host') OR agency_id IS NOT NULL OR revoked_at IS NOT NULL`)
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'api_key_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  /** `pk_<role>_` and six characters of the secret, to recognise a key in a list. */
  @Column({ type: 'varchar', length: 32 })
  prefix: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
