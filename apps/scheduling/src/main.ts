import 'reflect-metadata';
import { bootstrapService } from '@pressconf/messaging';
import { AppModule } from './app.module';
import { SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS } from './database/schema';

bootstrapService({
  service: 'scheduling',
  module: AppModule,
  database: { entities: SCHEDULING_ENTITIES, migrations: SCHEDULING_MIGRATIONS },
  port: Number(process.env.SCHEDULING_PORT ?? 3101),
})
  // With --migrate-only there is no app to keep running.
  .then((app) => app ?? process.exit(0))
  .catch((error) => {
    console.error('scheduling failed to start', error);
    process.exit(1);
  });
