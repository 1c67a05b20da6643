import { z } from 'zod';
import { configLoader, displayEnv, intVar, messagingEnv, servicePortsEnv } from '@pressconf/messaging';

/** Every variable scheduling reads (README, "Configuration"; `npm run config:docs` writes the table). */
export const schedulingEnv = messagingEnv.extend({
  SCHEDULING_PORT: servicePortsEnv.SCHEDULING_PORT,
  ...displayEnv,
  SERIES_HORIZON_DAYS: intVar(60, "how far ahead a series' occurrences exist as PERIODIC drafts"),
  SERIES_MATERIALIZE_INTERVAL_MS: intVar(3_600_000, "how often the series' horizon is topped up (also at start)"),
  DEADLINE_WATCH_INTERVAL_MS: intVar(15_000, 'how often incidents past their 24 hours are looked for'),
});
export type SchedulingConfig = z.output<typeof schedulingEnv>;

/** Scheduling's configuration, read from process.env once (main.ts reads it first, so a wrong value stops it). */
export const schedulingConfig = configLoader(schedulingEnv);
