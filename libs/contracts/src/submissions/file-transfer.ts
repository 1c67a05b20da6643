import {
  IsBase64,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/**
 * Files travel between the gateway and the submissions service in parts, each a Kafka message well under the
 * broker's default 1 MB limit: 512 KiB of bytes are about 700 KB of base64.
 */
export const FILE_PART_MAX_BYTES = 512 * 1024;

/**
 * One part of an uploaded file. The gateway sends the parts in order and waits for each answer; the service
 * checks the first part's content at once (so a forged file is refused before anything is stored), keeps the
 * parts, and on the last one checks the whole file and its SHA-256, then stores it or discards every part.
 */
export class FilePart {
  /** Chosen by the gateway, the same for every part of one file. */
  @IsUUID()
  uploadId: string;

  @IsInt()
  @Min(0)
  index: number;

  @IsInt()
  @Min(1)
  count: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fileName: string;

  /** Total size of the file in bytes. */
  @IsInt()
  @Min(1)
  size: number;

  /** Hex SHA-256 of the whole file, checked once it is put together. */
  @Matches(/^[0-9a-f]{64}$/)
  sha256: string;

  /** This part's bytes, base64. */
  @IsBase64()
  data: string;
}

/** POST /briefs/{id}/attachments, as one part. */
export class BriefAttachmentPart extends FilePart {
  @IsUUID()
  briefId: string;
}

/** The form fields of POST /conferences/{id}/orientation-documents besides `file`. */
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

/** POST /conferences/{id}/orientation-documents, as one part. */
export class OrientationDocumentPart extends FilePart {
  @IsUUID()
  conferenceId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string;
}

/** The answer to every part but the last; the last one answers with what was stored. */
export class FilePartReceived {
  @IsUUID()
  uploadId: string;

  /** How many parts the service holds. */
  @IsInt()
  @Min(1)
  received: number;
}

/** A byte range of a stored file; the gateway reads a file range by range and puts it together. */
export class FileRange {
  @IsInt()
  @Min(0)
  offset: number;

  @IsInt()
  @Min(1)
  @Max(FILE_PART_MAX_BYTES)
  length: number;
}

export class AttachmentReadRequest extends FileRange {
  @IsUUID()
  briefId: string;

  @IsUUID()
  attachmentId: string;
}

export const BriefingPackFormats = ['pdf', 'json'] as const;
export type BriefingPackFormat = (typeof BriefingPackFormats)[number];

export class BriefingPackReadRequest extends FileRange {
  @IsUUID()
  conferenceId: string;

  @IsIn(BriefingPackFormats)
  format: BriefingPackFormat;

  /** The latest when absent; the gateway pins the version the first range answered with. */
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** One range of a stored file, with what the reader needs to put the whole together and check it. */
export class FileChunk {
  @IsString()
  mediaType: string;

  @IsString()
  fileName: string;

  @IsInt()
  @Min(0)
  size: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256: string;

  @IsInt()
  @Min(0)
  offset: number;

  @IsBase64()
  data: string;

  /** For a briefing pack: the version read. */
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
