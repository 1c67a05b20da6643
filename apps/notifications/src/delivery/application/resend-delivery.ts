import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, DeliveryView, NotFoundError, StateConflictError } from '@pressconf/contracts';
import { resendRefusal } from '../domain/resend';
import { DeliveryEntity } from '../infrastructure/delivery.entity';
import { toDeliveryView } from './delivery-view';
import { agencyNamesOf } from './list-deliveries';

/**
 * Queues a FAILED delivery again (POST /deliveries/{id}/resend): due at once, with the retry policy's attempts
 * afresh, rendered from what is known when it goes, like any queued mail. Once per failure: queued again it is
 * PENDING, so a second request is a 409 until it fails anew.
 */
@Injectable()
export class ResendDelivery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async resend(id: string, actor: Actor): Promise<DeliveryView> {
    return this.dataSource.transaction(async (tx) => {
      // Under the row's lock, so that of two requests at once one queues it and the other meets PENDING.
      const delivery = await tx.findOne(DeliveryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!delivery) throw new NotFoundError('Delivery', id);
      const refusal = resendRefusal(delivery);
      if (refusal) throw new StateConflictError(`The delivery cannot be queued again: ${refusal}.`, delivery.status);
      Object.assign(delivery, {
        status: 'PENDING',
        nextAttemptAt: new Date(),
        lockedUntil: null,
        resends: delivery.resends + 1,
        resentAt: new Date(),
        resentBy: actor.subject,
        attemptsBeforeResend: delivery.attempts,
      } satisfies Partial<DeliveryEntity>);
      await tx.save(delivery);
      const agencies = await agencyNamesOf(tx, [delivery]);
      return toDeliveryView(delivery, agencies.get(delivery.invitationId ?? '') ?? null);
    });
  }
}
