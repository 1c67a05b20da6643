import type { JWTPayload } from 'jose';
import { Actor, AGENCY_BOUND_ROLES, Role, Roles } from '@pressconf/contracts';

/** Longer subjects are refused: the subject is stored with what it creates (`created_by`, 200 characters). */
export const MAX_SUBJECT_LENGTH = 128;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The actor a verified token stands for. The role comes from one configured claim (`roleClaim`, a dotted path
 * for a nested one such as Keycloak's `realm_access.roles`): a role, or a list of which the most powerful known
 * one counts. The agency (`agencyId` or `agency_id`, a UUID) is required for the agency, press and host roles.
 * Anything unexpected grants nothing (null: a 401), so that a malformed claim never reaches a service.
 */
export function actorOf(payload: JWTPayload, roleClaim = 'role'): Actor | null {
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_SUBJECT_LENGTH) return null;
  const role = roleOf(claimAt(payload, roleClaim));
  if (!role) return null;
  const agencyIds = [payload.agencyId, payload.agency_id].filter((a) => a !== undefined && a !== null);
  if (agencyIds.some((a) => typeof a !== 'string' || !UUID.test(a))) return null;
  const agencyId = agencyIds[0] as string | undefined;
  if (agencyIds.some((a) => (a as string).toLowerCase() !== agencyId?.toLowerCase())) return null;
  if (AGENCY_BOUND_ROLES.includes(role) && !agencyId) return null;
  return { role, subject: `jwt:${sub}`, ...(agencyId ? { agencyId: agencyId.toLowerCase() } : {}) };
}

function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function roleOf(claim: unknown): Role | undefined {
  const claimed = (Array.isArray(claim) ? claim : [claim]).filter(
    (r): r is Role => typeof r === 'string' && (Roles as readonly string[]).includes(r),
  );
  return Roles.find((r) => claimed.includes(r));
}
