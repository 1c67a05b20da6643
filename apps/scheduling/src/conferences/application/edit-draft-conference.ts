import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConferenceView, UpdateConferenceDto } from '@pressconf/contracts';
import { assertSomethingToChange, DraftFields, editDraft } from '../domain/draft-edit';
import { loadConference, lockConference } from '../infrastructure/conference.repository';
import { toConferenceView } from './conference-view';

/**
 * PATCH /conferences/{id}: a DRAFT's title, times, venue, topics and due time for briefs. Nobody has heard of a draft
 * yet, so nothing is announced; the fields are simply what the call will announce.
 */
@Injectable()
export class EditDraftConference {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async update(request: UpdateConferenceDto & { id: string }): Promise<ConferenceView> {
    const edit = editOf(request);
    assertSomethingToChange(edit);
    return this.dataSource.transaction(async (tx) => {
      const conference = await lockConference(tx, request.id);
      Object.assign(conference, editDraft(conference.status, conference, edit));
      await tx.save(conference);
      return toConferenceView(await loadConference(tx, request.id));
    });
  }
}

function editOf(request: UpdateConferenceDto): Partial<DraftFields> {
  const date = (value: string | null | undefined) => (value === undefined || value === null ? value : new Date(value));
  return {
    title: request.title,
    startsAt: date(request.startsAt) ?? undefined,
    endsAt: date(request.endsAt) ?? undefined,
    venue: request.venue,
    topics: request.topics,
    briefsDueAt: date(request.briefsDueAt),
  };
}
