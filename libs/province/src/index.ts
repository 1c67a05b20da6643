export * from './profile';
export * from './load-profile';
