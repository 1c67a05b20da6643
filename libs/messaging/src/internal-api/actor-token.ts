import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { isUUID } from 'class-validator';
import { errors, jwtVerify, SignJWT } from 'jose';
import {
  ACTOR_SUBJECT_MAX_LENGTH,
  ACTOR_TOKEN_TTL_SECONDS,
  Actor,
  INTERNAL_ISSUER,
  internalAudience,
  Role,
  Roles,
  ServiceName,
} from '@pressconf/contracts';
import { actorTokenSigningConfig, messagingConfig } from '../config/shared';

/**
 * Who is asking, as the gateway tells a service: a JWT signed with the gateway's Ed25519 key (EdDSA), for one
 * service (audience), living ACTOR_TOKEN_TTL_SECONDS. Only the gateway holds the private key
 * (INTERNAL_AUTH_PRIVATE_KEY); the services hold the public key (INTERNAL_AUTH_PUBLIC_KEY), so a service cannot
 * mint tokens for another, and nothing that merely reaches a service's port can act as anyone.
 */
const ALGORITHM = 'EdDSA';
const TOKEN_TYPE = 'actor+jwt';

/** PEM from an environment variable, where a deployment may have written its line breaks as `\n`. */
function pem(value: string): string {
  return value.includes('\\n') ? value.replace(/\\n/g, '\n') : value;
}

export function actorTokenPublicKey(config: { INTERNAL_AUTH_PUBLIC_KEY?: string } = messagingConfig()): KeyObject {
  const value = config.INTERNAL_AUTH_PUBLIC_KEY;
  if (!value) throw new Error('INTERNAL_AUTH_PUBLIC_KEY is not set: the service cannot check who calls it');
  return createPublicKey(pem(value));
}

export function actorTokenPrivateKey(
  config: { INTERNAL_AUTH_PRIVATE_KEY?: string } = actorTokenSigningConfig(),
): KeyObject {
  const value = config.INTERNAL_AUTH_PRIVATE_KEY;
  if (!value) throw new Error('INTERNAL_AUTH_PRIVATE_KEY is not set: the gateway cannot sign calls to the services');
  return createPrivateKey(pem(value));
}

export async function signActorToken(
  actor: Actor,
  service: ServiceName,
  key: KeyObject,
  ttlSeconds = ACTOR_TOKEN_TTL_SECONDS,
): Promise<string> {
  return new SignJWT({ role: actor.role, ...(actor.agencyId ? { agencyId: actor.agencyId } : {}) })
    .setProtectedHeader({ alg: ALGORITHM, typ: TOKEN_TYPE })
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(internalAudience(service))
    .setSubject(actor.subject)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

export class ActorTokenRejected extends Error {}

/** The actor a token names, and until when the token is good (ms since the epoch), for a verifier to cache it. */
export interface VerifiedActor {
  actor: Actor;
  expiresAt: number;
}

/**
 * Checks a token for this service: signature with the gateway's public key (EdDSA only, so `alg: none` and HMAC
 * tokens are refused), issuer, audience, type, `exp` and `iat` present, lifetime at most the TTL (a token signed
 * for longer is refused too), and well-formed claims.
 */
export async function verifyActorToken(token: string, service: ServiceName, key: KeyObject): Promise<VerifiedActor> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      issuer: INTERNAL_ISSUER,
      audience: internalAudience(service),
      typ: TOKEN_TYPE,
      requiredClaims: ['exp', 'iat', 'sub'],
      maxTokenAge: `${ACTOR_TOKEN_TTL_SECONDS}s`,
      clockTolerance: 5,
    });
    if ((payload.exp ?? 0) - (payload.iat ?? 0) > ACTOR_TOKEN_TTL_SECONDS) {
      throw new ActorTokenRejected(`lives longer than ${ACTOR_TOKEN_TTL_SECONDS} s`);
    }
    const role = payload.role;
    if (typeof role !== 'string' || !(Roles as readonly string[]).includes(role)) {
      throw new ActorTokenRejected('has no valid role');
    }
    if (payload.sub!.length > ACTOR_SUBJECT_MAX_LENGTH) {
      throw new ActorTokenRejected(`has a subject longer than ${ACTOR_SUBJECT_MAX_LENGTH} characters`);
    }
    const agencyId = payload.agencyId;
    if (agencyId !== undefined && (typeof agencyId !== 'string' || !isUUID(agencyId))) {
      throw new ActorTokenRejected('has a malformed agencyId');
    }
    return {
      actor: { role: role as Role, subject: payload.sub!, ...(agencyId ? { agencyId } : {}) },
      expiresAt: payload.exp! * 1000,
    };
  } catch (error) {
    if (error instanceof ActorTokenRejected) throw error;
    if (error instanceof errors.JOSEError) throw new ActorTokenRejected(error.code);
    throw new ActorTokenRejected('is malformed');
  }
}
