import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EventTypes, Topics } from '@pressconf/contracts';
import { EventInbox } from '@pressconf/messaging';
import { ParticipantEntity } from '../infrastructure/participant.entity';

/** Keeps the participants list in step with the invitees' answers collected by notifications. */
@Controller()
export class OnRsvpReceivedHandler {
  constructor(private readonly inbox: EventInbox) {}

  @EventPattern(Topics.invitation)
  handle(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.inbox.process('scheduling.participants', value, context, {
      [EventTypes.rsvpReceived]: async (data, tx, envelope) => {
        await tx
          .createQueryBuilder()
          .update(ParticipantEntity)
          .set({ rsvp: data.response, delegateName: data.delegateName ?? null, rsvpAt: new Date(envelope.occurredAt) })
          .where('id = :id AND conference_id = :conferenceId', { id: data.inviteeId, conferenceId: data.conferenceId })
          // An older answer delivered late must not overwrite a newer one.
          .andWhere('(rsvp_at IS NULL OR rsvp_at <= :at)', { at: new Date(envelope.occurredAt) })
          .execute();
      },
    });
  }
}
