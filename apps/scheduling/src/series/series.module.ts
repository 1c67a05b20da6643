import { Module } from '@nestjs/common';
import { extraDaysOffOf } from '@pressconf/messaging';
import { WorkingCalendar } from '@pressconf/vn-calendar';
import { ChangeSeries } from './application/change-series';
import { SeriesMaterializer } from './application/series-materializer';
import { SeriesService } from './application/series.service';
import { SeriesController } from './interface/series.controller';
import type { SchedulingConfig } from '../config';
import { ConfigService } from '@nestjs/config';

@Module({
  controllers: [SeriesController],
  providers: [
    SeriesService,
    ChangeSeries,
    SeriesMaterializer,
    {
      provide: WorkingCalendar,
      // The same days off as the due times of briefs, so that an occurrence never lands on a declared day off.
      inject: [ConfigService],
      useFactory: (config: ConfigService<SchedulingConfig, true>) =>
        new WorkingCalendar({
          extraDaysOff: extraDaysOffOf({
            PROVINCE_PROFILE: config.get('PROVINCE_PROFILE', { infer: true }),
            EXTRA_DAYS_OFF: config.get('EXTRA_DAYS_OFF', { infer: true }),
          }),
        }),
    },
  ],
})
export class SeriesModule {}
