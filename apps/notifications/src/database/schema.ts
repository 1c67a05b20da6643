import { NotificationsQueueWakeups1796000300000 } from './migrations/1796000300000-notifications-queue-wakeups';
import { NotificationsDueTimeWakeups1796000400000 } from './migrations/1796000400000-notifications-due-time-wakeups';
import { NotificationsAuditTrail1796000100000 } from './migrations/1796000100000-notifications-audit-trail';
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
import { NotificationsRecipientLocale1795853800000 } from './migrations/1795853800000-notifications-recipient-locale';
import { NotificationsRegistryAndPlanMail1795854000000 } from './migrations/1795854000000-notifications-registry-and-plan-mail';
import { RegistryAgency } from '../registry/infrastructure/registry-agency.entity';
import { ObstacleReportProjection } from '../plan-mail/infrastructure/obstacle-report.entity';
import { InformationOfferProjection } from '../plan-mail/infrastructure/information-offer.entity';
import { WebhookSubscriptionEntity } from '../webhooks/infrastructure/webhook-subscription.entity';
import { WebhookDeliveryEntity } from '../webhooks/infrastructure/webhook-delivery.entity';
import { WebhookAttemptEntity } from '../webhooks/infrastructure/webhook-attempt.entity';
import { NotificationsWebhooks1795870000000 } from './migrations/1795870000000-notifications-webhooks';
import { NotificationsConferenceHosts1795910000000 } from './migrations/1795910000000-notifications-conference-hosts';
import { NotificationsBriefRequestKey1795920000000 } from './migrations/1795920000000-notifications-brief-request-key';

export const NOTIFICATIONS_ENTITIES = [
  RegistryAgency,
  ObstacleReportProjection,
  InformationOfferProjection,
  ConferenceSnapshot,
  InvitationEntity,
  DeliveryEntity,
  BriefRequestProjection,
  IncidentProjection,
  WebhookSubscriptionEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
];
export const NOTIFICATIONS_MIGRATIONS = [
  NotificationsInitial1764100003000,
  NotificationsRsvpAndMail1764100003100,
  NotificationsDeliveryTraceContext1764900001000,
  NotificationsDerivedRsvpTokens1764900003000,
  NotificationsDeliveryTracking1795840165158,
  NotificationsChangesAndReminders1795840260237,
  NotificationsRecipientLocale1795853800000,
  NotificationsRegistryAndPlanMail1795854000000,
  NotificationsWebhooks1795870000000,
  NotificationsConferenceHosts1795910000000,
  NotificationsBriefRequestKey1795920000000,
  NotificationsAuditTrail1796000100000,
  NotificationsQueueWakeups1796000300000,
  NotificationsDueTimeWakeups1796000400000,
];
