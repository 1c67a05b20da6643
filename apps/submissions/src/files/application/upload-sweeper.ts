import { Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '../../common/periodic-job';
import { UploadsService } from './uploads.service';

/** Drops the parts of uploads abandoned half-way (after UPLOAD_ABANDONED_MINUTES, 60 by default). */
@Injectable()
export class UploadSweeper extends PeriodicJob {
  protected readonly logger = new Logger(UploadSweeper.name);

  constructor(private readonly uploads: UploadsService) {
    super();
  }

  protected intervalMs(): number {
    return Number(process.env.UPLOAD_SWEEP_INTERVAL_MS ?? 10 * 60_000);
  }

  protected async tick(): Promise<void> {
    const dropped = await this.uploads.sweep(Number(process.env.UPLOAD_ABANDONED_MINUTES ?? 60));
    if (dropped > 0) this.logger.warn(`dropped ${dropped} abandoned upload(s)`);
  }
}
