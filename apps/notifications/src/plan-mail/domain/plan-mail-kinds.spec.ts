import { EventTypes } from '@pressconf/contracts';
import { AGENCY_NOTICE_OF, goesToLeadership, isObstacleMail } from './plan-mail-kinds';

describe('mail about obstacle reports', () => {
  it('tells the reporting agency at each step', () => {
    expect(AGENCY_NOTICE_OF[EventTypes.obstacleReported]).toBe('OBSTACLE_REPORT_RECEIVED');
    expect(AGENCY_NOTICE_OF[EventTypes.obstacleForwarded]).toBe('OBSTACLE_REPORT_FORWARDED');
    expect(AGENCY_NOTICE_OF[EventTypes.obstacleResolved]).toBe('OBSTACLE_REPORT_RESOLVED');
  });

  it('writes to the People’s Committee only when the report is forwarded', () => {
    expect(goesToLeadership({ status: 'FORWARDED' }, EventTypes.obstacleForwarded)).toBe(true);
    expect(goesToLeadership({ status: 'OPEN' }, EventTypes.obstacleReported)).toBe(false);
    expect(goesToLeadership({ status: 'RESOLVED' }, EventTypes.obstacleResolved)).toBe(false);
  });

  it('knows its kinds from the others', () => {
    expect(isObstacleMail('OBSTACLE_REPORT_TO_LEADERSHIP')).toBe(true);
    expect(isObstacleMail('INFORMATION_OFFER_DECIDED')).toBe(false);
    expect(isObstacleMail('INVITATION')).toBe(false);
  });
});
