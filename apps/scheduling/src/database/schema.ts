import { SchedulingAuditTrail1796000100000 } from './migrations/1796000100000-scheduling-audit-trail';
import { AgencyEntity } from '../agencies/infrastructure/agency.entity';
import { AgencyVersionEntity } from '../agencies/infrastructure/agency-version.entity';
import { ConferenceEntity } from '../conferences/infrastructure/conference.entity';
import { ParticipantEntity } from '../conferences/infrastructure/participant.entity';
import { IncidentEntity } from '../incidents/infrastructure/incident.entity';
import { SeriesEntity } from '../series/infrastructure/series.entity';
import { SchedulingInitial1764100001000 } from './migrations/1764100001000-scheduling-initial';
import { SchedulingSeriesAndPreparation1764200003000 } from './migrations/1764200003000-scheduling-series-and-preparation';
import { SchedulingSeriesStop1795840275437 } from './migrations/1795840275437-scheduling-series-stop';
import { SchedulingActivityReport1795900000000 } from './migrations/1795900000000-scheduling-activity-report';
import { SchedulingAgencyHistory1795854000000 } from './migrations/1795854000000-scheduling-agency-history';
import { SchedulingConferenceHosts1795910000000 } from './migrations/1795910000000-scheduling-conference-hosts';

export const SCHEDULING_ENTITIES = [
  AgencyEntity,
  AgencyVersionEntity,
  ConferenceEntity,
  ParticipantEntity,
  IncidentEntity,
  SeriesEntity,
];
export const SCHEDULING_MIGRATIONS = [
  SchedulingInitial1764100001000,
  SchedulingSeriesAndPreparation1764200003000,
  SchedulingSeriesStop1795840275437,
  SchedulingAgencyHistory1795854000000,
  SchedulingActivityReport1795900000000,
  SchedulingConferenceHosts1795910000000,
  SchedulingAuditTrail1796000100000,
];
