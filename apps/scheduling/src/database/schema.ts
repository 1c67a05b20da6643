import { AgencyEntity } from '../agencies/infrastructure/agency.entity';
import { ConferenceEntity } from '../conferences/infrastructure/conference.entity';
import { ParticipantEntity } from '../conferences/infrastructure/participant.entity';
import { IncidentEntity } from '../incidents/infrastructure/incident.entity';
import { SeriesEntity } from '../series/infrastructure/series.entity';
import { SchedulingInitial1764100001000 } from './migrations/1764100001000-scheduling-initial';
import { SchedulingSeriesAndPreparation1764200003000 } from './migrations/1764200003000-scheduling-series-and-preparation';
import { SchedulingSeriesStop1795840275437 } from './migrations/1795840275437-scheduling-series-stop';

export const SCHEDULING_ENTITIES = [AgencyEntity, ConferenceEntity, ParticipantEntity, IncidentEntity, SeriesEntity];
export const SCHEDULING_MIGRATIONS = [
  SchedulingInitial1764100001000,
  SchedulingSeriesAndPreparation1764200003000,
  SchedulingSeriesStop1795840275437,
];
