import { Module } from '@nestjs/common';
import { WorkingCalendar } from '@pressconf/vn-calendar';
import { SeriesMaterializer } from './application/series-materializer';
import { SeriesService } from './application/series.service';
import { SeriesController } from './interface/series.controller';
import type { SchedulingConfig } from '../config';
import { ConfigService } from '@nestjs/config';

@Module({
  controllers: [SeriesController],
  providers: [
    SeriesService,
    SeriesMaterializer,
    {
      provide: WorkingCalendar,
      // The same days off as the due times of briefs, so that an occurrence never lands on a declared day off.
      inject: [ConfigService],
      useFactory: (config: ConfigService<SchedulingConfig, true>) =>
        new WorkingCalendar({ extraDaysOff: config.get('EXTRA_DAYS_OFF', { infer: true }) }),
    },
  ],
})
export class SeriesModule {}
