import 'reflect-metadata'; // @pressconf/contracts declares decorated DTOs
import { DomainRuleError } from '@pressconf/contracts';
import { invitedByAdding, withdrawnByRemoving, withInviteeAdded, withInviteeRemoved } from './invitee-changes';

describe('invitee changes', () => {
  const none = { added: [], removed: [] };

  it('adds an agency once', () => {
    const once = withInviteeAdded(none, 'a');
    expect(once).toEqual({ added: ['a'], removed: [] });
    expect(withInviteeAdded(once, 'a')).toEqual(once);
  });

  it('removes an agency once', () => {
    const once = withInviteeRemoved(none, 'a');
    expect(once).toEqual({ added: [], removed: ['a'] });
    expect(withInviteeRemoved(once, 'a')).toEqual(once);
  });

  it('lets the last change win: adding undoes a removal and removing undoes an addition', () => {
    expect(withInviteeAdded({ added: ['b'], removed: ['a', 'c'] }, 'a')).toEqual({ added: ['b', 'a'], removed: ['c'] });
    expect(withInviteeRemoved({ added: ['a', 'b'], removed: ['c'] }, 'a')).toEqual({
      added: ['b'],
      removed: ['c', 'a'],
    });
  });

  it('leaves the given changes untouched', () => {
    const changes = { added: ['a'], removed: ['b'] };
    withInviteeAdded(changes, 'b');
    withInviteeRemoved(changes, 'a');
    expect(changes).toEqual({ added: ['a'], removed: ['b'] });
  });
});

describe('who hears of an invitee change after the call', () => {
  const current = [
    { id: 'p1', agencyId: 'press', email: 'leader@bao.vn' },
    { id: 'p2', agencyId: 'press', email: 'reporter@bao.vn' },
    { id: 'p3', agencyId: 'police', email: 'ca@daklak.vn' },
  ];
  const resolved = (participants: Array<{ agencyId: string; email: string; contactName: string }>) => ({
    participants,
    unreachable: [{ agencyId: 'mute', reason: 'no contact with an e-mail address' }],
  });

  it('invites only the added agency’s contacts that are not invited yet', () => {
    const plan = resolved([
      { agencyId: 'health', email: 'syt@daklak.vn', contactName: 'Vũ Văn Khoa' },
      { agencyId: 'press', email: 'Leader@bao.vn', contactName: 'Ngô Thị Bích' },
      { agencyId: 'press', email: 'new@bao.vn', contactName: 'Phóng viên 2' },
      { agencyId: 'police', email: 'ca@daklak.vn', contactName: 'Trần Thị Hạnh' },
    ]);
    expect(invitedByAdding('health', current, plan)).toEqual([plan.participants[0]]);
    // A press agency added again brings its new reporter only; the invited ones hear nothing.
    expect(invitedByAdding('press', current, plan)).toEqual([plan.participants[2]]);
    expect(invitedByAdding('police', current, plan)).toEqual([]);
  });

  it('refuses an agency nobody of which can be reached, saying why', () => {
    const attempt = () => invitedByAdding('mute', current, resolved([]));
    expect(attempt).toThrow(DomainRuleError);
    expect(attempt).toThrow('The agency cannot be invited: no contact with an e-mail address');
    expect(() => invitedByAdding('gone', current, resolved([]))).toThrow(
      'The agency cannot be invited: the plan finds no contact',
    );
  });

  it('withdraws the invitation of every invited contact of a removed agency, and of no one else', () => {
    expect(withdrawnByRemoving('press', current).map((c) => c.id)).toEqual(['p1', 'p2']);
    expect(withdrawnByRemoving('health', current)).toEqual([]);
  });
});
