import 'reflect-metadata';
import { bootstrapService } from '@pressconf/messaging';
import { AppModule } from './app.module';

bootstrapService({
  service: 'notifications',
  module: AppModule,
  port: Number(process.env.NOTIFICATIONS_PORT ?? 3103),
}).catch((error) => {
  console.error('notifications failed to start', error);
  process.exit(1);
});
