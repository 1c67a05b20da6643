import type { AgendaItem } from '@pressconf/contracts';
import type { AgendaItem as MailAgendaItem } from '../../rendering';

/**
 * The agenda with each item's start worked out again from the conference's current start (each item starts when
 * the one before it ends), so that it follows a reschedule that came after the agenda was announced.
 */
export function scheduledAgenda(items: readonly AgendaItem[], startsAt: Date): AgendaItem[] {
  let next = startsAt.getTime();
  return items.map((item) => {
    const scheduled = { ...item, startsAt: new Date(next).toISOString() };
    next += item.durationMinutes * 60_000;
    return scheduled;
  });
}

/** The agenda as mail, calendar and letter show it: the presenter as "name, title, agency", from what is known. */
export function mailAgenda(items: readonly AgendaItem[], startsAt: Date): MailAgendaItem[] {
  return scheduledAgenda(items, startsAt).map((item) => {
    const presenter = [item.presenterName, item.presenterTitle, item.presenterAgencyName].filter(Boolean).join(', ');
    return {
      title: item.title,
      ...(presenter ? { presenter } : {}),
      durationMinutes: item.durationMinutes,
      startsAt: item.startsAt,
    };
  });
}
