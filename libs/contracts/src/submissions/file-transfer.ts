import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { BriefingPackQuery } from './briefing-pack';

/**
 * Files cross the submissions service's internal HTTP API as they are: an upload is the request body
 * (application/octet-stream, its name in InternalHeaders.fileName), a stored file the answer's body with
 * Content-Type, Content-Length, Content-Disposition and the headers below.
 */
export const StoredFileHeaders = {
  /** Hex SHA-256 of the bytes answered, for the reader to check them against. */
  sha256: 'x-content-sha256',
  /** The version of the briefing pack answered. */
  packVersion: 'x-pack-version',
} as const;

/** The form fields of POST /conferences/{id}/orientation-documents besides `file`; the query string internally. */
export class OrientationDocumentFields {
  /** E.g. "Định hướng tuyên truyền về công tác nhân quyền tháng 12/2026". */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  /** Printed in the briefing pack under the title. */
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string;
}

export const BriefingPackFormats = ['pdf', 'json'] as const;
export type BriefingPackFormat = (typeof BriefingPackFormats)[number];

/** The query of the internal readBriefingPack: the format the gateway chose from Accept, and the version asked for. */
export class BriefingPackFileQuery extends BriefingPackQuery {
  @IsIn(BriefingPackFormats)
  format: BriefingPackFormat;
}
