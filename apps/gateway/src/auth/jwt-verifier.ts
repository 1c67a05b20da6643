import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createRemoteJWKSet, errors, JWTVerifyGetKey, jwtVerify } from 'jose';
import { Actor } from '@pressconf/contracts';
import { actorOf } from './jwt-claims';
import type { GatewayConfig } from '../config';

export interface JwtRules {
  issuer: string;
  audience: string;
  /** Asymmetric only (the configuration refuses `none` and HS*). */
  algorithms: string[];
  /** The `typ` header required; without it a token that names a type must name JWT or at+jwt. */
  typ?: string;
  roleClaim: string;
}

const ACCEPTED_TYPES = ['jwt', 'at+jwt'];
const normalisedType = (typ: string) => typ.toLowerCase().replace(/^application\//, '');

/**
 * Checks a bearer token: signature by a key of the issuer's key set with one of the allowed algorithms, issuer,
 * audience, expiry, a subject, and the type. Throws jose's errors for a refused token.
 */
export async function verifiedActor(token: string, keys: JWTVerifyGetKey, rules: JwtRules): Promise<Actor | null> {
  const { payload, protectedHeader } = await jwtVerify(token, keys, {
    issuer: rules.issuer,
    audience: rules.audience,
    algorithms: rules.algorithms,
    requiredClaims: ['exp', 'sub'],
    ...(rules.typ ? { typ: rules.typ } : {}),
    clockTolerance: 30,
  });
  // An ID token or a logout token of the same issuer is no access token.
  if (!rules.typ && protectedHeader.typ && !ACCEPTED_TYPES.includes(normalisedType(protectedHeader.typ))) return null;
  return actorOf(payload, rules.roleClaim);
}

/**
 * Bearer tokens from the province's identity provider, checked against its JWKS (verifiedActor). Disabled unless
 * GATEWAY_JWT_ISSUER and GATEWAY_JWT_JWKS_URL are set; the configuration then requires GATEWAY_JWT_AUDIENCE.
 */
@Injectable()
export class JwtVerifier {
  private readonly logger = new Logger(JwtVerifier.name);
  private readonly jwksUrl = this.config.get('GATEWAY_JWT_JWKS_URL', { infer: true });
  private readonly jwks = this.jwksUrl
    ? createRemoteJWKSet(new URL(this.jwksUrl), { cooldownDuration: 30_000 })
    : undefined;
  private readonly rules: JwtRules = {
    issuer: this.config.get('GATEWAY_JWT_ISSUER', { infer: true }) ?? '',
    audience: this.config.get('GATEWAY_JWT_AUDIENCE', { infer: true }) ?? '',
    algorithms: this.config.get('GATEWAY_JWT_ALGORITHMS', { infer: true }),
    typ: this.config.get('GATEWAY_JWT_TYP', { infer: true }),
    roleClaim: this.config.get('GATEWAY_JWT_ROLE_CLAIM', { infer: true }),
  };

  constructor(private readonly config: ConfigService<GatewayConfig, true>) {}

  get enabled(): boolean {
    return Boolean(this.rules.issuer && this.rules.audience && this.jwks);
  }

  async verify(token: string): Promise<Actor | null> {
    if (!this.jwks || !this.enabled) return null;
    try {
      return await verifiedActor(token, this.jwks, this.rules);
    } catch (error) {
      if (!(error instanceof errors.JOSEError)) this.logger.warn(`JWT verification failed: ${String(error)}`);
      return null;
    }
  }
}
