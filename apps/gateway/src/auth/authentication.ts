import { Injectable } from '@nestjs/common';
import { Actor, problem } from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';
import { ApiKeysService } from './api-keys.service';
import { AuthFailures } from './auth-failures';
import { clientAddress } from './client-address';
import { JwtVerifier } from './jwt-verifier';

export interface CallerRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

export const BAD_CREDENTIALS = 'Send a valid API key in X-API-Key, or a valid bearer token in Authorization.';

/**
 * Who is calling, from `X-API-Key` or `Authorization: Bearer <JWT>` (and for the docs, a browser's
 * `Authorization: Basic` whose password is an API key). An address blocked for failed attempts gets a 429 before
 * any lookup; each credential that does not check out counts against its address and is a 401.
 */
@Injectable()
export class Authentication {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly jwt: JwtVerifier,
    private readonly failures: AuthFailures,
  ) {}

  /** The caller's actor, or undefined when the request carries no credentials at all. */
  async actorOf(request: CallerRequest, options: { basic?: boolean } = {}): Promise<Actor | undefined> {
    const credential = credentialOf(request.headers, options.basic === true);
    if (!credential) return undefined;
    const address = clientAddress(request);
    this.failures.assertAllowed(address);
    const actor =
      credential.kind === 'key'
        ? await this.apiKeys.authenticate(credential.value)
        : await this.jwt.verify(credential.value);
    if (actor) return actor;
    await this.failures.record(address);
    throw new ProblemError(problem(401, BAD_CREDENTIALS));
  }
}

function credentialOf(
  headers: CallerRequest['headers'],
  basic: boolean,
): { kind: 'key' | 'bearer'; value: string } | undefined {
  const key = headers['x-api-key'];
  if (typeof key === 'string' && key) return { kind: 'key', value: key };
  const authorization = typeof headers.authorization === 'string' ? headers.authorization : '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (bearer) return { kind: 'bearer', value: bearer };
  const encoded = basic ? /^Basic\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
  if (!encoded) return undefined;
  // user:password, the password being the key (the user name is whatever the person typed).
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const password = decoded.slice(decoded.indexOf(':') + 1);
  return { kind: 'key', value: password };
}
