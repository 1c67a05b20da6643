import { Module } from '@nestjs/common';
import { AgenciesService } from './application/agencies.service';
import { AgenciesController } from './interface/agencies.controller';

@Module({
  controllers: [AgenciesController],
  providers: [AgenciesService],
  exports: [AgenciesService],
})
export class AgenciesModule {}
