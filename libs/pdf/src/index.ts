export * from './render-pdf';
export * from './render-pool';
export { PDF_FONT } from './fonts';
