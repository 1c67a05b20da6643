export * from './render-pdf';
export { PDF_FONT } from './fonts';
