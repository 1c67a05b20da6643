import { SubmissionsAuditTrail1796000100000 } from './migrations/1796000100000-submissions-audit-trail';
import { BriefRequestEntity } from '../brief-requests/infrastructure/brief-request.entity';
import { ConferenceProjection } from '../brief-requests/infrastructure/conference-projection.entity';
import { BriefingPackEntity } from '../briefing-pack/infrastructure/briefing-pack.entity';
import { BriefAttachmentEntity } from '../briefs/infrastructure/brief-attachment.entity';
import { BriefVersionEntity } from '../briefs/infrastructure/brief-version.entity';
import { BriefEntity } from '../briefs/infrastructure/brief.entity';
import { OrientationDocumentEntity } from '../orientation/infrastructure/orientation-document.entity';
import { BriefReviewEntity } from '../review/infrastructure/brief-review.entity';
import { SubmissionsInitial1764100002000 } from './migrations/1764100002000-submissions-initial';
import { SubmissionsBriefs1764200004000 } from './migrations/1764200004000-submissions-briefs';
import { SubmissionsSingleRequestUploads1764600012000 } from './migrations/1764600012000-submissions-single-request-uploads';
import { SubmissionsObstacleReportsAndOffers1795854000000 } from './migrations/1795854000000-submissions-obstacle-reports-and-offers';
import { SubmissionsConferenceHosts1795910000000 } from './migrations/1795910000000-submissions-conference-hosts';
import { ObstacleReportEntity } from '../obstacle-reports/infrastructure/obstacle-report.entity';
import { InformationOfferEntity } from '../information-offers/infrastructure/information-offer.entity';
import { InformationOfferAttachmentEntity } from '../information-offers/infrastructure/information-offer-attachment.entity';

export const SUBMISSIONS_ENTITIES = [
  BriefRequestEntity,
  ConferenceProjection,
  BriefEntity,
  BriefVersionEntity,
  BriefReviewEntity,
  BriefAttachmentEntity,
  OrientationDocumentEntity,
  BriefingPackEntity,
  ObstacleReportEntity,
  InformationOfferEntity,
  InformationOfferAttachmentEntity,
];
export const SUBMISSIONS_MIGRATIONS = [
  SubmissionsInitial1764100002000,
  SubmissionsBriefs1764200004000,
  SubmissionsSingleRequestUploads1764600012000,
  SubmissionsObstacleReportsAndOffers1795854000000,
  SubmissionsConferenceHosts1795910000000,
  SubmissionsAuditTrail1796000100000,
];
