const HOUR_MS = 3_600_000;

/**
 * When to remind an agency of a brief it still owes: `hoursBefore` the due time (BRIEF_REMINDER_HOURS_BEFORE).
 * A request opened with less notice than that (an extraordinary conference) is reminded halfway instead, so
 * that a short deadline still gets one reminder and a fresh request is not followed at once by a reminder.
 * Null when the request is already due.
 */
export function briefReminderAt(openedAt: Date, dueAt: Date, hoursBefore: number): Date | null {
  const opened = openedAt.getTime();
  const due = dueAt.getTime();
  if (due <= opened) return null;
  const beforeDue = due - hoursBefore * HOUR_MS;
  return new Date(beforeDue > opened ? beforeDue : opened + (due - opened) / 2);
}
