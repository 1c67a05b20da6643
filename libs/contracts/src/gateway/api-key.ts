import { IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { AGENCY_BOUND_ROLES, Role, Roles } from '../common/actor';
import { JSONSchema } from 'class-validator-jsonschema';

@JSONSchema({
  example: { name: 'Sở Y tế: cổng gửi văn bản', role: 'agency', agencyId: '3f2c1a4e-8b1d-4c6e-9a0f-5d7e2b1c4a90' },
})
export class CreateApiKeyDto {
  /** What the key is for, e.g. "Cổng dịch vụ công — đồng bộ hội nghị". */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsIn(Roles)
  role: Role;

  /** Required for `agency`, `press` and `host` keys: the one agency the key acts for. */
  @ValidateIf((o: CreateApiKeyDto) => AGENCY_BOUND_ROLES.includes(o.role) || o.agencyId !== undefined)
  @IsUUID()
  agencyId?: string;
}

export class ApiKeyView {
  @IsUUID()
  id: string;

  @IsString()
  name: string;

  @IsIn(Roles)
  role: Role;

  @IsOptional()
  @IsUUID()
  agencyId?: string;

  /** The first characters of the key, to recognise it; the key itself is never shown again. */
  @IsString()
  prefix: string;

  @IsDateString()
  createdAt: string;

  @IsOptional()
  @IsDateString()
  revokedAt?: string;

  @IsOptional()
  @IsDateString()
  lastUsedAt?: string;
}

/** Returned once, at creation: the only time the secret is shown. */
export class CreatedApiKeyView extends ApiKeyView {
  @IsString()
  key: string;
}
