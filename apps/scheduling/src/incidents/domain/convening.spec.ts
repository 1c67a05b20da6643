import { conveningOf } from './convening';

const conveneBy = new Date('2027-03-03T08:15:00+07:00');
const before = (minutes: number) => new Date(conveneBy.getTime() - minutes * 60_000);
const after = (minutes: number) => new Date(conveneBy.getTime() + minutes * 60_000);

describe('an incident against the 24-hour rule', () => {
  it('is open while the 24 hours run and nothing has been called', () => {
    expect(conveningOf(conveneBy, null, before(60))).toEqual({ status: 'OPEN', deadlineKept: null });
    expect(conveningOf(conveneBy, null, conveneBy)).toEqual({ status: 'OPEN', deadlineKept: null });
  });

  it('is convened once a conference was called by conveneBy, at the last minute too, whatever the time now', () => {
    expect(conveningOf(conveneBy, before(600), before(60))).toEqual({ status: 'CONVENED', deadlineKept: true });
    expect(conveningOf(conveneBy, conveneBy, after(600))).toEqual({ status: 'CONVENED', deadlineKept: true });
  });

  it('is breached once conveneBy passed without a call, and stays so when a call comes late', () => {
    expect(conveningOf(conveneBy, null, after(1))).toEqual({ status: 'BREACHED', deadlineKept: false });
    expect(conveningOf(conveneBy, after(30), after(60))).toEqual({ status: 'BREACHED', deadlineKept: false });
  });
});
