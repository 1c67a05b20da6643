// The entry that apps/<app>/src/tracing.ts loads before anything else: it must not pull in Nest, express, pg or
// kafkajs (the rest of the library does), or they would be loaded before the instrumentations could patch them.
export { startTracing } from './start-tracing';
