import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan } from 'typeorm';
import { PeriodicJob, ScheduledJob } from '@pressconf/messaging';
import type { GatewayConfig } from '../config';
import { IdempotencyRecord } from './idempotency-record.entity';

/** Rows deleted per statement, so that a backlog never holds one long transaction. */
const BATCH = 1000;

/**
 * Deletes expired idempotency records (every IDEMPOTENCY_SWEEP_INTERVAL_MS): an expired key no longer replays, so
 * what it kept of a request has no use. Replicas may run it together: deleting a row twice deletes it once.
 */
@Injectable()
export class IdempotencySweep extends ScheduledJob {
  protected readonly job: PeriodicJob;

  constructor(@InjectDataSource() dataSource: DataSource, config: ConfigService<GatewayConfig, true>) {
    super();
    const records = dataSource.getRepository(IdempotencyRecord);
    const sweepBatch = async (): Promise<number> => {
      const now = new Date();
      const expired = await records.find({ select: { scope: true }, where: { expiresAt: LessThan(now) }, take: BATCH });
      if (expired.length === 0) return 0;
      // Still expired: a new request may have taken one over meanwhile (IdempotencyInterceptor.claim).
      const { affected } = await records.delete({ scope: In(expired.map((r) => r.scope)), expiresAt: LessThan(now) });
      return affected ?? 0;
    };
    this.job = new PeriodicJob({
      name: 'idempotency-sweep',
      intervalMs: config.get('IDEMPOTENCY_SWEEP_INTERVAL_MS', { infer: true }),
      logger: new Logger(IdempotencySweep.name),
      runAtStart: true,
      run: async () => {
        let total = 0;
        for (let deleted = await sweepBatch(); deleted > 0; deleted = await sweepBatch()) total += deleted;
        return total > 0 ? `${total} expired idempotency record(s) deleted` : undefined;
      },
    });
  }
}
