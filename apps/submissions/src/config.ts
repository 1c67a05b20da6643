import { z } from 'zod';
import {
  attachmentsEnv,
  configLoader,
  displayEnv,
  intVar,
  messagingEnv,
  numberVar,
  servicePortsEnv,
} from '@pressconf/messaging';

/** Every variable submissions reads (README, "Configuration"; `npm run config:docs` writes the table). */
export const submissionsEnv = messagingEnv.extend({
  SUBMISSIONS_PORT: servicePortsEnv.SUBMISSIONS_PORT,
  ...displayEnv,
  ...attachmentsEnv,
  BRIEFS_PERIODIC_WORKING_DAYS_BEFORE: intVar(
    3,
    'default due time of the briefs of a PERIODIC conference: this many working days before it starts',
    { min: 0 },
  ),
  BRIEFS_EXTRAORDINARY_HOURS_BEFORE: numberVar(
    4,
    'default due time of the briefs of an EXTRAORDINARY conference: this many hours before it starts',
  ),
  OVERDUE_WATCH_INTERVAL_MS: intVar(15_000, 'how often submissions looks for brief requests past their due time'),
  BRIEF_MAX_ATTACHMENTS: intVar(20, 'files one brief may carry; one more is refused (413)'),
  BRIEF_MAX_VERSIONS: intVar(50, 'versions one brief may be saved in; one more is refused (413)'),
  AGENCY_UPLOAD_MAX_BYTES_PER_DAY: intVar(
    200 * 1024 * 1024,
    "bytes of files attached to one agency's briefs per day (TZ_DISPLAY); past it uploads are refused until midnight (429)",
    { shownDefault: '209715200 (200 MB)' },
  ),
  UPLOAD_MAX_CONCURRENT: intVar(
    4,
    'files one submissions process reads at the same time (each is held whole in memory); past it: 503 with Retry-After',
  ),
});
export type SubmissionsConfig = z.output<typeof submissionsEnv>;

/** Submissions' configuration, read from process.env once (main.ts reads it first, so a wrong value stops it). */
export const submissionsConfig = configLoader(submissionsEnv);
