import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One agency's brief for one brief request: its versions are kept in brief_version. */
@Entity({ name: 'brief' })
export class BriefEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'uuid', unique: true })
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
