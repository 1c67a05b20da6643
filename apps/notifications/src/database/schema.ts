import { BriefRequestProjection } from '../briefs/infrastructure/brief-request.entity';
import { DeliveryEntity } from '../delivery/infrastructure/delivery.entity';
import { IncidentProjection } from '../incidents/infrastructure/incident.entity';
import { ConferenceSnapshot } from '../invitations/infrastructure/conference-snapshot.entity';
import { InvitationEntity } from '../invitations/infrastructure/invitation.entity';
import { NotificationsInitial1764100003000 } from './migrations/1764100003000-notifications-initial';
import { NotificationsRsvpAndMail1764100003100 } from './migrations/1764100003100-notifications-rsvp-and-mail';

export const NOTIFICATIONS_ENTITIES = [
  ConferenceSnapshot,
  InvitationEntity,
  DeliveryEntity,
  BriefRequestProjection,
  IncidentProjection,
];
export const NOTIFICATIONS_MIGRATIONS = [NotificationsInitial1764100003000, NotificationsRsvpAndMail1764100003100];
