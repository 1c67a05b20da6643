import { AgencyContact, AgendaItemDto, DomainRuleError, FieldError, ValidationFailedError } from '@pressconf/contracts';
import { normalizeTerm } from './participants';

/** One agenda item as stored: the presenter's name and title are copied, like the participants' at the call. */
export interface AgendaEntry {
  title: string;
  presenterAgencyId?: string;
  presenterAgencyName?: string;
  presenterName?: string;
  presenterTitle?: string;
  durationMinutes: number;
}

/** An agency of the registry that may present, as valid now. */
export interface PresenterAgency {
  id: string;
  name: string;
  contacts: AgencyContact[];
}

/**
 * Checks and completes an agenda. An agency presents through one of its spokespersons (người phát ngôn): the one
 * named, else the first in the registry. The items must fit in the conference.
 */
export function buildAgenda(
  items: AgendaItemDto[],
  agencies: ReadonlyMap<string, PresenterAgency>,
  conferenceMinutes: number,
): AgendaEntry[] {
  const errors: FieldError[] = [];
  const entries = items.map((item, index): AgendaEntry => {
    const entry: AgendaEntry = { title: item.title.trim(), durationMinutes: item.durationMinutes };
    const name = item.presenterName?.trim();
    if (item.presenterAgencyId === undefined) return name ? { ...entry, presenterName: name } : entry;

    const agency = agencies.get(item.presenterAgencyId);
    if (!agency) {
      errors.push({
        field: `items[${index}].presenterAgencyId`,
        message: `agency ${item.presenterAgencyId} is not in the registry or no longer valid`,
      });
      return entry;
    }
    const spokespersons = agency.contacts.filter((contact) => contact.spokesperson);
    const presenter = name
      ? spokespersons.find((contact) => normalizeTerm(contact.name) === normalizeTerm(name))
      : spokespersons[0];
    if (!presenter) {
      errors.push(
        name
          ? {
              field: `items[${index}].presenterName`,
              message: `${name} is not a spokesperson of ${agency.name} (${spokespersonList(spokespersons)})`,
            }
          : {
              field: `items[${index}].presenterAgencyId`,
              message: `${agency.name} has no spokesperson in the registry: mark one of its contacts as spokesperson`,
            },
      );
      return entry;
    }
    return {
      ...entry,
      presenterAgencyId: agency.id,
      presenterAgencyName: agency.name,
      presenterName: presenter.name,
      ...(presenter.title ? { presenterTitle: presenter.title } : {}),
    };
  });
  if (errors.length > 0) throw new ValidationFailedError(errors);

  const total = entries.reduce((minutes, entry) => minutes + entry.durationMinutes, 0);
  if (total > conferenceMinutes) {
    throw new DomainRuleError(
      `The agenda lasts ${total} minutes, longer than the conference (${conferenceMinutes} minutes)`,
      'agenda-fits-conference',
    );
  }
  return entries;
}

/** Each item starts when the one before it ends, from the conference's start. */
export function scheduleAgenda(entries: AgendaEntry[], startsAt: Date): Array<AgendaEntry & { startsAt: Date }> {
  let next = startsAt.getTime();
  return entries.map((entry) => {
    const scheduled = { ...entry, startsAt: new Date(next) };
    next += entry.durationMinutes * 60_000;
    return scheduled;
  });
}

function spokespersonList(spokespersons: AgencyContact[]): string {
  return spokespersons.length > 0
    ? `its spokespersons: ${spokespersons.map((contact) => contact.name).join(', ')}`
    : 'it has none in the registry';
}
