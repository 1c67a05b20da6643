import { Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { Actor } from '@pressconf/contracts';
import { actorOf } from './jwt-claims';
import type { GatewayConfig } from '../config';
import { ConfigService } from '@nestjs/config';

/**
 * Bearer tokens from the province's identity provider: signature checked against its JWKS, issuer (and
 * audience when configured) and expiry enforced; the role and agency come from claims
 * (`role` or `roles[]`, `agencyId` or `agency_id`). Disabled unless GATEWAY_JWT_ISSUER and GATEWAY_JWT_JWKS_URL
 * are set.
 */
@Injectable()
export class JwtVerifier {
  private readonly logger = new Logger(JwtVerifier.name);
  private readonly issuer = this.config.get('GATEWAY_JWT_ISSUER', { infer: true });
  private readonly audience = this.config.get('GATEWAY_JWT_AUDIENCE', { infer: true });
  private readonly jwksUrl = this.config.get('GATEWAY_JWT_JWKS_URL', { infer: true });
  private readonly jwks = this.jwksUrl
    ? createRemoteJWKSet(new URL(this.jwksUrl), { cooldownDuration: 30_000 })
    : undefined;

  constructor(private readonly config: ConfigService<GatewayConfig, true>) {}

  get enabled(): boolean {
    return Boolean(this.issuer && this.jwks);
  }

  async verify(token: string): Promise<Actor | null> {
    if (!this.jwks || !this.issuer) return null;
    try {
      const { payload } = await jwtVerify(token, this.jwks, {
        issuer: this.issuer,
        ...(this.audience ? { audience: this.audience } : {}),
        algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'],
        clockTolerance: 30,
      });
      return actorOf(payload);
    } catch (error) {
      if (!(error instanceof errors.JOSEError)) this.logger.warn(`JWT verification failed: ${String(error)}`);
      return null;
    }
  }
}
