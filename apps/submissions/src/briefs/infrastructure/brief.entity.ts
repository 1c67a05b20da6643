import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import { BriefRequestEntity } from '../../brief-requests/infrastructure/brief-request.entity';

/** One agency's brief for one brief request: its versions are kept in brief_version. */
@Entity({ name: 'brief' })
@Unique('brief_request_id_key', ['requestId'])
export class BriefEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'brief_pkey' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  @ForeignKey(() => BriefRequestEntity, { name: 'brief_request_id_fkey' })
  requestId: string;

  @Column({ name: 'current_version', type: 'int' })
  currentVersion: number;

  @Column({ name: 'submitted_version', type: 'int', nullable: true })
  submittedVersion: number | null;

  @Column({ name: 'accepted_version', type: 'int', nullable: true })
  acceptedVersion: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
