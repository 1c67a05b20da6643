/**
 * An agency through time. Two clocks: the agency's validity (`validFrom`/`validTo`, set by an administrator, also in
 * the past: a merger closes an agency from the day it took effect), and the versions the registry recorded, each in
 * force from the change that wrote it to the next one. A change of roles, contacts, name, fields, kind or territory
 * takes effect when it is recorded; before its first version was recorded, an agency is as first registered (it was
 * registered with a validity that may start long before).
 */
export interface Validity {
  validFrom: Date;
  validTo: Date | null;
}

/** One recorded version: `recordedTo` is when the next one started, null for the version in force now. */
export interface RecordedVersion {
  version: number;
  recordedFrom: Date;
  recordedTo: Date | null;
}

/** Whether the agency existed at `at` (validFrom ≤ at < validTo). */
export function isValidAt(validity: Validity, at: Date): boolean {
  return validity.validFrom <= at && (validity.validTo === null || at < validity.validTo);
}

/**
 * The version in force at `at`: the one recorded from at or before `at` and not yet replaced then; before the first
 * record, the first version. The database query of the registry at an instant (agency-history-query.ts) says the
 * same in SQL.
 */
export function versionInForce<V extends RecordedVersion>(versions: readonly V[], at: Date): V | undefined {
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  const recorded = ordered.filter(
    (v) => (v.version === ordered[0].version || v.recordedFrom <= at) && (v.recordedTo === null || at < v.recordedTo),
  );
  return recorded.at(-1);
}

/**
 * When a new version starts: now, but never before the version it replaces (a clock set back must not make a
 * version end before it began; the replaced one then ends at once and is never in force).
 */
export function nextVersionStart(replacedFrom: Date, now: Date): Date {
  return now < replacedFrom ? replacedFrom : now;
}
