import { join } from 'node:path';
import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RenderPool } from '@pressconf/pdf';
import type { NotificationsConfig } from '../config';
import { InvitationLetterModel, renderInvitationLetter } from './invitation-letter';

/**
 * Invitation letters laid out in worker threads (`LETTER_RENDER_THREADS`), so that a call's fan-out never holds
 * up the invitee's page, the leases or the SMTP replies: see RenderPool.
 */
@Injectable()
export class LetterRenderer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly pool = new RenderPool<InvitationLetterModel>({
    // Beside the bundle's main.js, where webpack writes the `letter-worker` entry.
    workerFile: join(__dirname, 'letter-worker.js'),
    threads: this.config.get('LETTER_RENDER_THREADS', { infer: true }),
    inProcess: renderInvitationLetter,
  });

  constructor(private readonly config: ConfigService<NotificationsConfig, true>) {}

  render(model: InvitationLetterModel): Promise<Buffer> {
    return this.pool.render(model);
  }

  /** The letter thread lays out a sample while the service starts, not while the first invitee waits. */
  onApplicationBootstrap(): void {
    this.pool.warm();
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.close();
  }
}
