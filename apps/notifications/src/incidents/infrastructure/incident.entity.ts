import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An incident as scheduling reported it: what the hosts' alert names when its 24 hours run out. */
@Entity({ name: 'incident' })
export class IncidentProjection {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'incident_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ name: 'convene_by', type: 'timestamptz' })
  conveneBy: Date;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;
}
