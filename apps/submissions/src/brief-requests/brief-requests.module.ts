import { DataSource } from 'typeorm';
import { extraDaysOffOf, Outbox } from '@pressconf/messaging';
import { Module } from '@nestjs/common';
import { WorkingCalendar } from '@pressconf/vn-calendar';
import { dueTimePolicyFromEnv } from './domain/due-time';
import { BriefRequestsService, DUE_TIME_POLICY } from './application/brief-requests.service';
import { BriefRequestAnswers } from './application/brief-request-answers';
import { InviteeChangesService } from './application/invitee-changes.service';
import { OverdueWatch } from './application/overdue-watch';
import { BriefRequestsController } from './interface/brief-requests.controller';
import type { SubmissionsConfig } from '../config';
import { ConfigService } from '@nestjs/config';

@Module({
  controllers: [BriefRequestsController],
  providers: [
    {
      provide: WorkingCalendar,
      inject: [ConfigService],
      useFactory: (config: ConfigService<SubmissionsConfig, true>) =>
        new WorkingCalendar({
          zone: config.get('TZ_DISPLAY', { infer: true }),
          extraDaysOff: extraDaysOffOf({
            PROVINCE_PROFILE: config.get('PROVINCE_PROFILE', { infer: true }),
            EXTRA_DAYS_OFF: config.get('EXTRA_DAYS_OFF', { infer: true }),
          }),
        }),
    },
    {
      provide: DUE_TIME_POLICY,
      inject: [ConfigService],
      useFactory: (config: ConfigService<SubmissionsConfig, true>) =>
        dueTimePolicyFromEnv({
          BRIEFS_PERIODIC_WORKING_DAYS_BEFORE: config.get('BRIEFS_PERIODIC_WORKING_DAYS_BEFORE', { infer: true }),
          BRIEFS_EXTRAORDINARY_HOURS_BEFORE: config.get('BRIEFS_EXTRAORDINARY_HOURS_BEFORE', { infer: true }),
        }),
    },
    {
      provide: BriefRequestsService,
      inject: [DataSource, Outbox, WorkingCalendar, DUE_TIME_POLICY],
      useFactory: (...args: ConstructorParameters<typeof BriefRequestsService>) => new BriefRequestsService(...args),
    },
    BriefRequestAnswers,
    InviteeChangesService,
    OverdueWatch,
  ],
  exports: [BriefRequestsService],
})
export class BriefRequestsModule {}
