import './tracing';
import 'reflect-metadata';
import { bootstrapService } from '@pressconf/messaging';
import { AppModule } from './app.module';
import { SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS } from './database/schema';
import { schedulingConfig } from './config';

bootstrapService({
  service: 'scheduling',
  module: AppModule,
  database: { entities: SCHEDULING_ENTITIES, migrations: SCHEDULING_MIGRATIONS },
  // A wrong value stops the service here, naming the variable.
  port: schedulingConfig().SCHEDULING_PORT,
})
  // With --migrate-only there is no app to keep running.
  .then((app) => app ?? process.exit(0))
  .catch((error) => {
    console.error('scheduling failed to start', error);
    process.exit(1);
  });
