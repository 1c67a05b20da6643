import './tracing';
import 'reflect-metadata';
import { bootstrapService } from '@pressconf/messaging';
import { AppModule } from './app.module';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from './database/schema';
import { notificationsConfig } from './config';

bootstrapService({
  service: 'notifications',
  module: AppModule,
  database: { entities: NOTIFICATIONS_ENTITIES, migrations: NOTIFICATIONS_MIGRATIONS },
  // A wrong value stops the service here, naming the variable.
  port: notificationsConfig().NOTIFICATIONS_PORT,
})
  // With --migrate-only there is no app to keep running.
  .then((app) => app ?? process.exit(0))
  .catch((error) => {
    console.error('notifications failed to start', error);
    process.exit(1);
  });
