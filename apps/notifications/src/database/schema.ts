import { BriefRequestProjection } from '../briefs/infrastructure/brief-request.entity';
import { DeliveryEntity } from '../delivery/infrastructure/delivery.entity';
import { IncidentProjection } from '../incidents/infrastructure/incident.entity';
import { ConferenceSnapshot } from '../invitations/infrastructure/conference-snapshot.entity';
import { InvitationEntity } from '../invitations/infrastructure/invitation.entity';
import { NotificationsInitial1764100003000 } from './migrations/1764100003000-notifications-initial';
import { NotificationsRsvpAndMail1764100003100 } from './migrations/1764100003100-notifications-rsvp-and-mail';
import { NotificationsDeliveryTraceContext1764900001000 } from './migrations/1764900001000-notifications-delivery-trace-context';
import { NotificationsDerivedRsvpTokens1764900003000 } from './migrations/1764900003000-notifications-derived-rsvp-tokens';
import { NotificationsDeliveryTracking1795840165158 } from './migrations/1795840165158-notifications-delivery-tracking';
import { NotificationsChangesAndReminders1795840260237 } from './migrations/1795840260237-notifications-changes-and-reminders';

export const NOTIFICATIONS_ENTITIES = [
  ConferenceSnapshot,
  InvitationEntity,
  DeliveryEntity,
  BriefRequestProjection,
  IncidentProjection,
];
export const NOTIFICATIONS_MIGRATIONS = [
  NotificationsInitial1764100003000,
  NotificationsRsvpAndMail1764100003100,
  NotificationsDeliveryTraceContext1764900001000,
  NotificationsDerivedRsvpTokens1764900003000,
  NotificationsDeliveryTracking1795840165158,
  NotificationsChangesAndReminders1795840260237,
];
