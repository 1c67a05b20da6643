import { join } from 'node:path';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RenderPool } from '@pressconf/pdf';
import type { NotificationsConfig } from '../config';
import { InvitationLetterModel, renderInvitationLetter } from './invitation-letter';

/**
 * Invitation letters laid out in worker threads (`LETTER_RENDER_THREADS`), so that a call's fan-out never holds
 * up the invitee's page, the leases or the SMTP replies: see RenderPool.
 */
@Injectable()
export class LetterRenderer implements OnModuleDestroy {
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

  /** A call's letters are on their way: see RenderPool.warm. */
  warm(): void {
    this.pool.warm();
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.close();
  }
}
