import { StateConflictError } from '@pressconf/contracts';
import { advance } from './obstacle-report-lifecycle';

describe('obstacle report lifecycle', () => {
  it('goes OPEN → FORWARDED → RESOLVED', () => {
    expect(advance('OPEN', 'FORWARD')).toBe('FORWARDED');
    expect(advance('FORWARDED', 'RESOLVE')).toBe('RESOLVED');
  });

  it.each([
    ['OPEN', 'RESOLVE'],
    ['FORWARDED', 'FORWARD'],
    ['RESOLVED', 'FORWARD'],
    ['RESOLVED', 'RESOLVE'],
  ] as const)('refuses to skip or repeat a step: %s then %s is a 409 naming the status', (status, step) => {
    expect(() => advance(status, step)).toThrow(StateConflictError);
    expect(() => advance(status, step)).toThrow(`it is ${status}`);
  });
});
