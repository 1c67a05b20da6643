import { ConferenceStatus, StateConflictError, ValidationFailedError } from '@pressconf/contracts';
import { assertTimeWindow } from './conference-rules';

/** What may change in a draft (PATCH /conferences/{id}). */
export interface DraftFields {
  title: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  topics: string[];
  briefsDueAt: Date | null;
}

export const DRAFT_FIELDS: ReadonlyArray<keyof DraftFields> = [
  'title',
  'startsAt',
  'endsAt',
  'venue',
  'topics',
  'briefsDueAt',
];

/** An edit names at least one field: an empty one is a mistake, not a no-op to confirm. */
export function assertSomethingToChange(edit: Partial<DraftFields>): void {
  if (DRAFT_FIELDS.some((field) => edit[field] !== undefined)) return;
  throw new ValidationFailedError([
    { field: '(body)', message: `must give at least one of ${DRAFT_FIELDS.join(', ')}` },
  ]);
}

/**
 * The draft as it will be after the edit (one that `assertSomethingToChange` let through), checked as on creation
 * against the result: the edited fields with those it keeps. Only a DRAFT is edited: once called, the invitees know
 * its times and a change is a reschedule.
 */
export function editDraft(status: ConferenceStatus, current: DraftFields, edit: Partial<DraftFields>): DraftFields {
  if (status !== 'DRAFT') {
    const hint = status === 'CALLED' || status === 'RESCHEDULED' ? '; reschedule it to move it' : '';
    throw new StateConflictError(`Only a DRAFT conference can be edited; this one is ${status}${hint}`, status);
  }
  const next: DraftFields = {
    title: edit.title?.trim() ?? current.title,
    startsAt: edit.startsAt ?? current.startsAt,
    endsAt: edit.endsAt ?? current.endsAt,
    venue: edit.venue?.trim() ?? current.venue,
    topics: edit.topics?.map((topic) => topic.trim()) ?? current.topics,
    briefsDueAt: edit.briefsDueAt === undefined ? current.briefsDueAt : edit.briefsDueAt,
  };
  assertTimeWindow(next.startsAt, next.endsAt);
  if (next.briefsDueAt && next.briefsDueAt > next.startsAt) {
    throw new ValidationFailedError([{ field: 'briefsDueAt', message: 'briefsDueAt must not be after startsAt' }]);
  }
  return next;
}
