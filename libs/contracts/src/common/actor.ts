/** Roles of the REST API (API.md, "Authentication"). */
export const Roles = ['admin', 'coordinator', 'host', 'agency', 'press', 'reader'] as const;
export type Role = (typeof Roles)[number];

/** Who is asking: resolved by the gateway from the API key or JWT and passed to the services with every request. */
export interface Actor {
  role: Role;
  /** Set for `agency`, `press` and `host` actors: the one agency they act for (a host reads its conferences). */
  agencyId?: string;
  /** Key id or JWT subject, for audit. */
  subject: string;
}

/** The longest subject a service takes: it is stored beside what the actor did (`saved_by`…, varchar(200)). */
export const ACTOR_SUBJECT_MAX_LENGTH = 200;

export function canWrite(actor: Actor): boolean {
  return actor.role !== 'reader';
}

/** The roles whose keys and tokens act for one agency: they carry its id, required when the key is made. */
export const AGENCY_BOUND_ROLES: readonly Role[] = ['agency', 'press', 'host'];

export function isStaff(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'coordinator';
}
