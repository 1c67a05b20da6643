import 'reflect-metadata';
import { bootstrapService } from '@pressconf/messaging';
import { AppModule } from './app.module';

bootstrapService({
  service: 'submissions',
  module: AppModule,
  port: Number(process.env.SUBMISSIONS_PORT ?? 3102),
}).catch((error) => {
  console.error('submissions failed to start', error);
  process.exit(1);
});
