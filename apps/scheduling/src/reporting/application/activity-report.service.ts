import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { ActivityReport, ActivityReportFormat, ActivityReportQuery } from '@pressconf/contracts';
import { issuerOf, provinceTitle } from '@pressconf/province';
import type { SchedulingConfig } from '../../config';
import { activityFigures } from '../domain/figures';
import { agencyCsv } from '../domain/agency-csv';
import { ReportRows } from '../infrastructure/report-rows';
import { briefsPerAgencyChart, chartSvg, conferencesPerMonthChart, conveneTimeChart } from '../rendering/charts';
import { renderActivityReport } from '../rendering/activity-report-pdf';
import { ReportLetterhead } from '../rendering/report-layout';

/** A report as a file: its bytes, type, name and digest (the gateway checks the bytes against it). */
export interface ReportFile {
  content: Buffer;
  mediaType: string;
  fileName: string;
  sha256: string;
}

/** The plan's report over a period, from the projection, as JSON figures, the per-agency CSV or the PDF. */
@Injectable()
export class ActivityReportService {
  private readonly zone = this.config.get('TZ_DISPLAY', { infer: true });

  constructor(
    private readonly rows: ReportRows,
    private readonly config: ConfigService<SchedulingConfig, true>,
  ) {}

  async figures(query: ActivityReportQuery, now = new Date()): Promise<ActivityReport> {
    const period = { from: new Date(query.from), to: new Date(query.to) };
    return activityFigures(await this.rows.load(period), period, now, this.zone);
  }

  async file(query: ActivityReportQuery, format: Exclude<ActivityReportFormat, 'json'>): Promise<ReportFile> {
    const report = await this.figures(query);
    const name = `bao-cao-hoat-dong-${this.day(report.period.from)}-${this.day(report.period.to)}`;
    if (format === 'csv')
      return fileOf(Buffer.from(agencyCsv(report.agencies), 'utf8'), 'text/csv; charset=utf-8', `${name}.csv`);
    const [conferencesPerMonth, conveneTime, briefsPerAgency] = await Promise.all([
      chartSvg(conferencesPerMonthChart(report)),
      report.incidents.items.some((i) => i.hoursToCall !== null) ? chartSvg(conveneTimeChart(report)) : null,
      report.agencies.some((a) => a.briefs.requested > 0) ? chartSvg(briefsPerAgencyChart(report)) : null,
    ]);
    const pdf = await renderActivityReport(
      report,
      this.letterhead(),
      { conferencesPerMonth, conveneTime, briefsPerAgency },
      this.zone,
    );
    return fileOf(pdf, 'application/pdf', `${name}.pdf`);
  }

  private day(iso: string): string {
    return DateTime.fromISO(iso, { zone: this.zone }).toFormat('yyyyMMdd');
  }

  /** The letterhead the invitation letters use: the province profile's first issuing body and its signer. */
  private letterhead(): ReportLetterhead {
    const profile = this.config.get('PROVINCE_PROFILE', { infer: true });
    const issuer = issuerOf(profile);
    return {
      parentBody: profile.peoplesCommittee.letterHeader,
      issuingBody: issuer.name,
      issuerCode: issuer.code,
      place: profile.letterPlace,
      peoplesCommittee: `Ủy ban nhân dân ${provinceTitle(profile)}`,
      signer: profile.signer,
    };
  }
}

function fileOf(content: Buffer, mediaType: string, fileName: string): ReportFile {
  return { content, mediaType, fileName, sha256: createHash('sha256').update(content).digest('hex') };
}
