import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module';
import { RegistryModule } from '../registry/registry.module';
import { PlanMailService } from './application/plan-mail.service';
import { PlanEventsController } from './interface/plan-events.controller';

/** Mail about agencies' obstacle reports and information offers (the province's plan, IV.2, IV.4 and section IV). */
@Module({
  imports: [DeliveryModule, RegistryModule],
  controllers: [PlanEventsController],
  providers: [PlanMailService],
})
export class PlanMailModule {}
