import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module';
import { BriefMailService } from './application/brief-mail.service';
import { BriefReminderWatch } from './application/brief-reminder-watch';
import { BriefEventsController } from './interface/brief-events.controller';

/** Brief requests, reminders and overdue notices to the agencies concerned; the briefing pack to everyone invited. */
@Module({
  imports: [DeliveryModule],
  controllers: [BriefEventsController],
  providers: [BriefMailService, BriefReminderWatch],
  exports: [BriefMailService],
})
export class BriefsModule {}
