import { Actor, ForbiddenError } from '@pressconf/contracts';
import { formatDateTime } from '../rendering/vietnamese';

/** The hosts read the pack as soon as it is compiled. */
const HOSTS = new Set(['admin', 'coordinator', 'host']);

export function isUnderEmbargo(actor: Actor, startsAt: Date, now: Date): boolean {
  return !HOSTS.has(actor.role) && now.getTime() < startsAt.getTime();
}

/** Other participants and the press read the pack only from the conference's start: 403 before. */
export function assertPackReadable(actor: Actor, startsAt: Date, now: Date): void {
  if (isUnderEmbargo(actor, startsAt, now)) {
    throw new ForbiddenError(
      `The briefing pack is under embargo until the conference starts at ${startsAt.toISOString()} (${formatDateTime(startsAt)})`,
    );
  }
}
