import { Module } from '@nestjs/common';
import { WorkingCalendar } from '@pressconf/vn-calendar';
import { SeriesMaterializer } from './application/series-materializer';
import { SeriesService } from './application/series.service';
import { SeriesController } from './interface/series.controller';

@Module({
  controllers: [SeriesController],
  providers: [
    SeriesService,
    SeriesMaterializer,
    {
      provide: WorkingCalendar,
      // The same days off as the due times of briefs, so that an occurrence never lands on a declared day off.
      useFactory: () =>
        new WorkingCalendar({ extraDaysOff: (process.env.EXTRA_DAYS_OFF ?? '').split(',').filter(Boolean) }),
    },
  ],
})
export class SeriesModule {}
