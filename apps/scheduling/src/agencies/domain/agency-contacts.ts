import type { AgencyContact, AgencyContactDto } from '@pressconf/contracts';

/** The contacts as the registry keeps them: every flag explicit, fields trimmed and once each. */
export function contactsOf(dtos: readonly AgencyContactDto[]): AgencyContact[] {
  return dtos.map((dto) => ({
    name: dto.name,
    ...(dto.title !== undefined ? { title: dto.title } : {}),
    email: dto.email,
    ...(dto.phone !== undefined ? { phone: dto.phone } : {}),
    spokesperson: dto.spokesperson ?? false,
    locale: dto.locale ?? 'vi',
    fields: [...new Set((dto.fields ?? []).map((field) => field.trim()))],
  }));
}
