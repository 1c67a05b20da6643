import { DomainRuleError, StateConflictError, ValidationFailedError } from '@pressconf/contracts';
import { assertConferenceTakesOffers, assertOpenForFiles, decide } from './offer-decision';

const ID = '33333333-3333-4333-8333-333333333333';
const NOW = new Date('2027-03-10T02:00:00Z');
const LATER = new Date('2027-03-12T04:00:00Z');

describe('deciding an information offer', () => {
  it.each([
    ['INCLUDE', 'INCLUDED'],
    ['CALL_EXTRAORDINARY', 'CALLED_EXTRAORDINARY'],
    ['DECLINE', 'DECLINED'],
  ] as const)('%s leads to %s', (decision, status) => {
    expect(decide('OFFERED', decision)).toBe(status);
  });

  it.each(['INCLUDED', 'CALLED_EXTRAORDINARY', 'DECLINED'] as const)('is decided once: %s is a 409', (status) => {
    expect(() => decide(status, 'DECLINE')).toThrow(StateConflictError);
    expect(() => decide(status, 'DECLINE')).toThrow(`it is ${status}`);
  });

  it('takes files only while offered', () => {
    expect(() => assertOpenForFiles('OFFERED')).not.toThrow();
    expect(() => assertOpenForFiles('DECLINED')).toThrow(StateConflictError);
  });
});

describe('the conference an offer is included in', () => {
  it('is one called or rescheduled, still to end', () => {
    expect(() => assertConferenceTakesOffers(ID, { status: 'CALLED', endsAt: LATER }, NOW)).not.toThrow();
    expect(() => assertConferenceTakesOffers(ID, { status: 'RESCHEDULED', endsAt: LATER }, NOW)).not.toThrow();
  });

  it('names conferenceId when unknown (400), cancelled or ended (422)', () => {
    expect(() => assertConferenceTakesOffers(ID, null, NOW)).toThrow(ValidationFailedError);
    expect(() => assertConferenceTakesOffers(ID, { status: 'CANCELLED', endsAt: LATER }, NOW)).toThrow(DomainRuleError);
    expect(() => assertConferenceTakesOffers(ID, { status: 'CALLED', endsAt: NOW }, NOW)).toThrow(
      /conferenceId: .* has ended/,
    );
    expect(() => assertConferenceTakesOffers(ID, { status: 'CANCELLED', endsAt: LATER }, NOW)).toThrow(
      /^conferenceId:/,
    );
  });
});
