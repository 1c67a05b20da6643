import { StateConflictError, ValidationFailedError } from '@pressconf/contracts';
import { assertSomethingToChange, DraftFields, editDraft } from './draft-edit';

const draft: DraftFields = {
  title: 'Hội nghị tháng 3/2027',
  startsAt: new Date('2027-03-15T09:00:00+07:00'),
  endsAt: new Date('2027-03-15T11:00:00+07:00'),
  venue: 'Hội trường UBND tỉnh',
  topics: ['đất đai'],
  briefsDueAt: new Date('2027-03-12T17:00:00+07:00'),
};

const fieldsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.errors.map((e) => e.field);
    throw error;
  }
  throw new Error('no validation error');
};

describe('editing a draft conference', () => {
  it('changes the fields given and keeps the others, trimmed as on creation', () => {
    const edited = editDraft('DRAFT', draft, { venue: '  Phòng họp số 2  ', topics: [' tôn giáo '] });
    expect(edited).toEqual({ ...draft, venue: 'Phòng họp số 2', topics: ['tôn giáo'] });
  });

  it('checks the result as a whole: a new start after the kept end names endsAt, after the due time briefsDueAt', () => {
    expect(fieldsOf(() => editDraft('DRAFT', draft, { startsAt: new Date('2027-03-15T12:00:00+07:00') }))).toEqual([
      'endsAt',
    ]);
    const later = { startsAt: new Date('2027-03-10T09:00:00+07:00'), endsAt: new Date('2027-03-10T11:00:00+07:00') };
    expect(fieldsOf(() => editDraft('DRAFT', draft, later))).toEqual(['briefsDueAt']);
    expect(editDraft('DRAFT', draft, { ...later, briefsDueAt: null }).briefsDueAt).toBeNull();
  });

  it('refuses an edit that names nothing', () => {
    expect(fieldsOf(() => assertSomethingToChange({ title: undefined }))).toEqual(['(body)']);
    expect(() => assertSomethingToChange({ briefsDueAt: null })).not.toThrow();
  });

  it('refuses any conference past DRAFT with a conflict, pointing a called one to reschedule', () => {
    expect(() => editDraft('CALLED', draft, { title: 'Mới' })).toThrow(StateConflictError);
    expect(() => editDraft('RESCHEDULED', draft, { title: 'Mới' })).toThrow(/reschedule/);
    expect(() => editDraft('CANCELLED', draft, { title: 'Mới' })).toThrow(/CANCELLED/);
  });
});
