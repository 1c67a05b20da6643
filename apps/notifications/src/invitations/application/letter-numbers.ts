import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { formatLetterNumber } from '../../rendering';
import type { NotificationsConfig } from '../../config';
import { ConfigService } from '@nestjs/config';
import { letterIssuer, LetterIssuerNamed } from '../../province-settings';

/**
 * Numbers of invitation letters (Giấy mời): a counter per issuing body per year, as Decree 30/2020 requires,
 * taken in the caller's transaction so that a rolled-back call leaves no gap. The issuing body is the one the call
 * named, in its own series (province-settings.ts, letterIssuer).
 */
@Injectable()
export class LetterNumbers {
  private readonly zone = this.config.get('TZ_DISPLAY', { infer: true });

  constructor(private readonly config: ConfigService<NotificationsConfig, true>) {}

  async next(tx: EntityManager, issuedAt: Date, named: LetterIssuerNamed): Promise<string> {
    const { code } = letterIssuer(
      {
        PROVINCE_PROFILE: this.config.get('PROVINCE_PROFILE', { infer: true }),
        LETTER_ISSUER_CODE: this.config.get('LETTER_ISSUER_CODE', { infer: true }),
      },
      named,
    );
    const year = DateTime.fromJSDate(issuedAt, { zone: this.zone }).year;
    const [row]: Array<{ last_number: number }> = await tx.query(
      `INSERT INTO document_counter (issuer, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (issuer, year) DO UPDATE SET last_number = document_counter.last_number + 1
       RETURNING last_number`,
      [code, year],
    );
    return formatLetterNumber(row.last_number, code);
  }
}
