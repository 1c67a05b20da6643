import { withInviteeAdded, withInviteeRemoved } from './invitee-changes';

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
