import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsDateTimeWithOffset } from '../common/validators';

/**
 * The coordinator's written request to the co-host (văn bản đề nghị) that precedes an extraordinary conference,
 * recorded with the conference.
 */
export class CoHostRequestDto {
  /** The document's number, e.g. "125/SVHTTDL-TTĐN". */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  documentNumber: string;

  @IsDateTimeWithOffset()
  sentAt: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary: string;
}

export interface CoHostRequestRequest extends CoHostRequestDto {
  id: string;
}

export class CoHostRequestView {
  @IsString()
  documentNumber: string;

  @IsDateTimeWithOffset()
  sentAt: string;

  @IsString()
  summary: string;

  /** When it was recorded here (last changed). */
  @IsDateTimeWithOffset()
  recordedAt: string;
}
