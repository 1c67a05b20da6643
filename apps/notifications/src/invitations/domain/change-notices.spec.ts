import { InviteeState, noticesFor } from './change-notices';

const invitees: InviteeState[] = [
  { invitationId: 'i1', inviteeId: 'a', withdrawn: false },
  { invitationId: 'i2', inviteeId: 'b', withdrawn: false },
  { invitationId: 'i3', inviteeId: 'c', withdrawn: true },
];

describe('noticesFor', () => {
  it('tells every invitee whose invitation stands of a new agenda, once', () => {
    expect(noticesFor({ kind: 'agenda-changed' }, invitees)).toEqual([
      { invitationId: 'i1', kind: 'INVITATION_AGENDA_CHANGED' },
      { invitationId: 'i2', kind: 'INVITATION_AGENDA_CHANGED' },
    ]);
  });

  it('tells them of a new time and of the cancellation the same way', () => {
    expect(noticesFor({ kind: 'rescheduled' }, invitees).map((n) => [n.invitationId, n.kind])).toEqual([
      ['i1', 'INVITATION_UPDATED'],
      ['i2', 'INVITATION_UPDATED'],
    ]);
    expect(noticesFor({ kind: 'cancelled' }, invitees).map((n) => n.kind)).toEqual([
      'INVITATION_CANCELLED',
      'INVITATION_CANCELLED',
    ]);
  });

  it('invites an added invitee and tells a removed one, and nobody else', () => {
    const withNew = [...invitees, { invitationId: 'i4', inviteeId: 'd', withdrawn: false }];
    expect(noticesFor({ kind: 'invitees-changed', added: ['d'], removed: ['a'] }, withNew)).toEqual([
      { invitationId: 'i1', kind: 'INVITATION_WITHDRAWN' },
      { invitationId: 'i4', kind: 'INVITATION' },
    ]);
  });

  it('tells an invitee already withdrawn nothing more', () => {
    expect(noticesFor({ kind: 'invitees-changed', added: [], removed: ['c'] }, invitees)).toEqual([]);
    expect(noticesFor({ kind: 'cancelled' }, invitees).map((n) => n.invitationId)).not.toContain('i3');
  });
});
