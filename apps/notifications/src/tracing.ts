// The first import of main.ts: OpenTelemetry's instrumentations patch express, pg, kafkajs and pino as they are
// loaded, so the SDK starts before anything else of the app is.
import { startTracing } from '@pressconf/messaging/tracing';

startTracing('notifications');
