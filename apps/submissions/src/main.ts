import './tracing';
import 'reflect-metadata';
import { bootstrapService } from '@pressconf/messaging';
import { AppModule } from './app.module';
import { SUBMISSIONS_ENTITIES, SUBMISSIONS_MIGRATIONS } from './database/schema';
import { submissionsConfig } from './config';

bootstrapService({
  service: 'submissions',
  module: AppModule,
  database: { entities: SUBMISSIONS_ENTITIES, migrations: SUBMISSIONS_MIGRATIONS },
  // A wrong value stops the service here, naming the variable.
  port: submissionsConfig().SUBMISSIONS_PORT,
})
  // With --migrate-only there is no app to keep running.
  .then((app) => app ?? process.exit(0))
  .catch((error) => {
    console.error('submissions failed to start', error);
    process.exit(1);
  });
