import { isValidAt, nextVersionStart, RecordedVersion, versionInForce } from './agency-history';

const at = (text: string) => new Date(text);

describe('versionInForce', () => {
  const versions: RecordedVersion[] = [
    { version: 2, recordedFrom: at('2026-03-01T00:00:00Z'), recordedTo: at('2026-06-01T00:00:00Z') },
    { version: 1, recordedFrom: at('2026-01-01T00:00:00Z'), recordedTo: at('2026-03-01T00:00:00Z') },
    { version: 3, recordedFrom: at('2026-06-01T00:00:00Z'), recordedTo: null },
  ];
  const versionAt = (instant: string) => versionInForce(versions, at(instant))?.version;

  it('picks the version recorded at or before the instant and not yet replaced then', () => {
    expect(versionAt('2026-02-15T00:00:00Z')).toBe(1);
    expect(versionAt('2026-04-01T00:00:00Z')).toBe(2);
    expect(versionAt('2027-01-01T00:00:00Z')).toBe(3);
  });

  it('changes version at the instant of the change, not before', () => {
    expect(versionAt('2026-02-28T23:59:59.999Z')).toBe(1);
    expect(versionAt('2026-03-01T00:00:00Z')).toBe(2);
    expect(versionAt('2026-06-01T00:00:00Z')).toBe(3);
  });

  it('answers the first version before anything was recorded: the agency as first registered', () => {
    expect(versionAt('2024-07-01T00:00:00Z')).toBe(1);
  });

  it('skips a version replaced at the instant it began (a clock set back)', () => {
    const skewed: RecordedVersion[] = [
      { version: 1, recordedFrom: at('2026-01-01T00:00:00Z'), recordedTo: at('2026-02-01T00:00:00Z') },
      { version: 2, recordedFrom: at('2026-02-01T00:00:00Z'), recordedTo: at('2026-02-01T00:00:00Z') },
      { version: 3, recordedFrom: at('2026-02-01T00:00:00Z'), recordedTo: null },
    ];
    expect(versionInForce(skewed, at('2026-02-01T00:00:00Z'))?.version).toBe(3);
    expect(versionInForce(skewed, at('2025-01-01T00:00:00Z'))?.version).toBe(1);
  });

  it('has nothing to answer for an agency without versions', () => {
    expect(versionInForce([], at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('isValidAt', () => {
  const validity = { validFrom: at('2025-03-01T00:00:00Z'), validTo: at('2026-01-01T00:00:00Z') };

  it('holds from validFrom, up to but not at validTo', () => {
    expect(isValidAt(validity, at('2025-02-28T23:59:59Z'))).toBe(false);
    expect(isValidAt(validity, at('2025-03-01T00:00:00Z'))).toBe(true);
    expect(isValidAt(validity, at('2026-01-01T00:00:00Z'))).toBe(false);
    expect(isValidAt({ ...validity, validTo: null }, at('2030-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('nextVersionStart', () => {
  it('is now, or the start of the replaced version when the clock went back', () => {
    expect(nextVersionStart(at('2026-01-01T00:00:00Z'), at('2026-02-01T00:00:00Z'))).toEqual(
      at('2026-02-01T00:00:00Z'),
    );
    expect(nextVersionStart(at('2026-01-01T00:00:00Z'), at('2025-12-31T23:59:00Z'))).toEqual(
      at('2026-01-01T00:00:00Z'),
    );
  });
});
