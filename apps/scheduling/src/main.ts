import 'reflect-metadata';
import { bootstrapService } from '@pressconf/messaging';
import { AppModule } from './app.module';

bootstrapService({
  service: 'scheduling',
  module: AppModule,
  port: Number(process.env.SCHEDULING_PORT ?? 3101),
}).catch((error) => {
  console.error('scheduling failed to start', error);
  process.exit(1);
});
