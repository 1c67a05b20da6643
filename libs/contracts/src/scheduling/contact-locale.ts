/**
 * The languages a person can be written to in: Vietnamese by default, English on request. Apart from
 * agency-contact.ts (which re-exports it) so that agency.ts can use it: agency-contact.ts imports agency.ts.
 */
export const ContactLocales = ['vi', 'en'] as const;
export type ContactLocale = (typeof ContactLocales)[number];
