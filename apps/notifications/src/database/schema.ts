import { DeliveryEntity } from '../delivery/infrastructure/delivery.entity';
import { ConferenceSnapshot } from '../invitations/infrastructure/conference-snapshot.entity';
import { InvitationEntity } from '../invitations/infrastructure/invitation.entity';
import { NotificationsInitial1764100003000 } from './migrations/1764100003000-notifications-initial';

export const NOTIFICATIONS_ENTITIES = [ConferenceSnapshot, InvitationEntity, DeliveryEntity];
export const NOTIFICATIONS_MIGRATIONS = [NotificationsInitial1764100003000];
