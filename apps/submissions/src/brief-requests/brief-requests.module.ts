import { DataSource } from 'typeorm';
import { Outbox } from '@pressconf/messaging';
import { Module } from '@nestjs/common';
import { WorkingCalendar } from '@pressconf/vn-calendar';
import { dueTimePolicyFromEnv } from './domain/due-time';
import { BriefRequestsService, DUE_TIME_POLICY } from './application/brief-requests.service';
import { OverdueWatch } from './application/overdue-watch';
import { BriefRequestsController } from './interface/brief-requests.controller';

@Module({
  controllers: [BriefRequestsController],
  providers: [
    {
      provide: WorkingCalendar,
      useFactory: () =>
        new WorkingCalendar({
          zone: process.env.TZ_DISPLAY ?? 'Asia/Ho_Chi_Minh',
          extraDaysOff: (process.env.EXTRA_DAYS_OFF ?? '').split(',').filter(Boolean),
        }),
    },
    { provide: DUE_TIME_POLICY, useFactory: dueTimePolicyFromEnv },
    {
      provide: BriefRequestsService,
      inject: [DataSource, Outbox, WorkingCalendar, DUE_TIME_POLICY],
      useFactory: (...args: ConstructorParameters<typeof BriefRequestsService>) => new BriefRequestsService(...args),
    },
    OverdueWatch,
  ],
})
export class BriefRequestsModule {}
