import type { Instant } from './format';
import type { MailConference, MailRecipient } from './mail-models';

/** An obstacle report as its mail shows it: the report, and the coordinator's note and resolution once there. */
export interface MailObstacleReport {
  title: string;
  description: string;
  proposal?: string;
  reportedAt: Instant;
  /** The reporting agency's name (from the registry copy). */
  agencyName: string;
  note?: string;
  resolution?: string;
}

/** Shared by the receipt, the forwarding notice, the mail to the People's Committee and the resolution. */
export interface ObstacleReportMail {
  recipient: MailRecipient;
  zone?: string;
  report: MailObstacleReport;
}

/** The coordinator's decision on an offer, to the offering agency; one flag says which decision. */
export interface InformationOfferDecidedMail {
  recipient: MailRecipient;
  zone?: string;
  offer: { title: string; offeredAt: Instant; comment?: string };
  included: boolean;
  extraordinary: boolean;
  declined: boolean;
  /** INCLUDE: the conference the information goes to and when the agency's brief is due. */
  conference?: MailConference;
  briefDueAt?: Instant;
}

export interface PlanMailModels {
  'obstacle-report-received': ObstacleReportMail;
  'obstacle-report-forwarded': ObstacleReportMail;
  'obstacle-report-to-leadership': ObstacleReportMail;
  'obstacle-report-resolved': ObstacleReportMail;
  'information-offer-decided': InformationOfferDecidedMail;
}

export const PLAN_TEMPLATE_NAMES: Record<keyof PlanMailModels, true> = {
  'obstacle-report-received': true,
  'obstacle-report-forwarded': true,
  'obstacle-report-to-leadership': true,
  'obstacle-report-resolved': true,
  'information-offer-decided': true,
};
