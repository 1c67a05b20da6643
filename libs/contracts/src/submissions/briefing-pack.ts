import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsDateTimeWithOffset } from '../common/validators';
import { ConferenceKind, ConferenceKinds } from '../scheduling/conference';
import { RepresentativeDto } from './brief-request';
import { AttachmentMediaType, AttachmentMediaTypes, AttachmentView, BriefDocument } from './briefs';

export class OrientationDocumentView {
  @IsUUID()
  id: string;

  @IsUUID()
  conferenceId: string;

  @IsString()
  title: string;

  @IsOptional()
  @IsString()
  summary?: string;

  @IsString()
  fileName: string;

  @IsIn(AttachmentMediaTypes)
  mediaType: AttachmentMediaType;

  @IsInt()
  @Min(1)
  size: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256: string;

  @IsDateTimeWithOffset()
  uploadedAt: string;

  @IsString()
  uploadedBy: string;

  /**
   * The body the document comes from: the host agency that uploaded it, or for the coordinator's upload the
   * conference's coordinator agency; absent on documents recorded before sources were.
   */
  @IsOptional()
  @IsUUID()
  sourceAgencyId?: string;

  @IsOptional()
  @IsString()
  sourceAgencyName?: string;
}

/** GET /conferences/{id}/briefing-pack?version=n */
export class BriefingPackQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class PackConferenceView {
  @IsUUID()
  id: string;

  @IsIn(ConferenceKinds)
  kind: ConferenceKind;

  @IsString()
  title: string;

  @IsDateTimeWithOffset()
  startsAt: string;

  @IsDateTimeWithOffset()
  endsAt: string;

  @IsString()
  venue: string;

  @IsArray()
  @IsString({ each: true })
  topics: string[];
}

/** An accepted brief as compiled into the pack. */
export class PackBriefView extends BriefDocument {
  @IsUUID()
  briefId: string;

  @IsUUID()
  requestId: string;

  @IsUUID()
  agencyId: string;

  @IsString()
  agencyName: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AttachmentView)
  attachments: AttachmentView[];

  /** Named for everyone; their `email` and `phone` only for admin, coordinator and host (README, "Who sees what"). */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RepresentativeDto)
  @JSONSchema({
    description: 'Who attends for the agency; `email` and `phone` are omitted except for admin, coordinator and host',
  })
  representatives: RepresentativeDto[];
}

export class PackFileView {
  @IsInt()
  @Min(1)
  size: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256: string;
}

/** What POST /conferences/{id}/briefing-pack answers: the version compiled, without the texts. */
export class BriefingPackSummary {
  @IsUUID()
  id: string;

  @IsUUID()
  conferenceId: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsDateTimeWithOffset()
  compiledAt: string;

  @IsString()
  compiledBy: string;

  /** Participants other than the hosts, and the press, may read it from then on (the conference's start). */
  @IsDateTimeWithOffset()
  availableFrom: string;

  @IsArray()
  @IsUUID('all', { each: true })
  briefIds: string[];

  @IsArray()
  @IsUUID('all', { each: true })
  orientationDocumentIds: string[];

  @IsInt()
  @Min(1)
  pageCount: number;

  @ValidateNested()
  @Type(() => PackFileView)
  pdf: PackFileView;
}

/** GET /conferences/{id}/briefing-pack as JSON: the whole pack, texts included. */
export class BriefingPackView extends BriefingPackSummary {
  @ValidateNested()
  @Type(() => PackConferenceView)
  conference: PackConferenceView;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PackBriefView)
  briefs: PackBriefView[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OrientationDocumentView)
  orientationDocuments: OrientationDocumentView[];
}

/** The RPC answer to a compilation: `created` is false when nothing changed since the latest version. */
export interface BriefingPackCompiled {
  created: boolean;
  pack: BriefingPackSummary;
}
