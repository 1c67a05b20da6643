import { BriefRequestEntity } from '../brief-requests/infrastructure/brief-request.entity';
import { ConferenceProjection } from '../brief-requests/infrastructure/conference-projection.entity';
import { SubmissionsInitial1764100002000 } from './migrations/1764100002000-submissions-initial';

export const SUBMISSIONS_ENTITIES = [BriefRequestEntity, ConferenceProjection];
export const SUBMISSIONS_MIGRATIONS = [SubmissionsInitial1764100002000];
