import 'reflect-metadata';
import { bootstrapService } from '@pressconf/messaging';
import { AppModule } from './app.module';
import { SUBMISSIONS_ENTITIES, SUBMISSIONS_MIGRATIONS } from './database/schema';

bootstrapService({
  service: 'submissions',
  module: AppModule,
  database: { entities: SUBMISSIONS_ENTITIES, migrations: SUBMISSIONS_MIGRATIONS },
  port: Number(process.env.SUBMISSIONS_PORT ?? 3102),
})
  // With --migrate-only there is no app to keep running.
  .then((app) => app ?? process.exit(0))
  .catch((error) => {
    console.error('submissions failed to start', error);
    process.exit(1);
  });
