export * from './env';
export * from './shared';
export * from './province';
