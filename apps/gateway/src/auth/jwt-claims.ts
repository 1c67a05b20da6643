import type { JWTPayload } from 'jose';
import { Actor, Role, Roles } from '@pressconf/contracts';

/**
 * The actor a verified token stands for: the most powerful known role among `role` and `roles[]`, and for
 * agency and press roles the agency (`agencyId` or `agency_id`), without which the token grants nothing.
 */
export function actorOf(payload: JWTPayload): Actor | null {
  const claimed = [payload.role, ...(Array.isArray(payload.roles) ? (payload.roles as unknown[]) : [])].filter(
    (r): r is Role => typeof r === 'string' && (Roles as readonly string[]).includes(r),
  );
  const role = Roles.find((r) => claimed.includes(r));
  if (!role || !payload.sub) return null;
  const agencyId = [payload.agencyId, payload.agency_id].find((a): a is string => typeof a === 'string');
  if ((role === 'agency' || role === 'press') && !agencyId) return null;
  return { role, subject: `jwt:${payload.sub}`, ...(agencyId ? { agencyId } : {}) };
}
