import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NotificationsConfig } from '../../config';
import { checkTargetUrl, firstRefusedAddress, hostOf } from '../domain/target-policy';

/** A URL whose host was resolved and checked: the connection goes to `address`, never to a fresh lookup. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

export type TargetResolution = { ok: true; target: CheckedTarget } | { ok: false; reason: string };

/**
 * Resolves a webhook URL's host and applies the address policy to every address it resolves to (a host with one
 * public and one private address is refused: which one a client picks is not ours to know). Hosts listed in
 * WEBHOOK_ALLOWED_HOSTS skip the address check and may use http.
 */
@Injectable()
export class WebhookTargets {
  private readonly allowedHosts: readonly string[];

  constructor(config: ConfigService<NotificationsConfig, true>) {
    this.allowedHosts = config.get('WEBHOOK_ALLOWED_HOSTS', { infer: true });
  }

  async resolve(raw: string): Promise<TargetResolution> {
    const checked = checkTargetUrl(raw, this.allowedHosts);
    if (!checked.ok) return checked;
    const host = hostOf(checked.url);
    let addresses: Array<{ address: string; family: number }>;
    if (isIP(host)) {
      addresses = [{ address: host, family: isIP(host) }];
    } else {
      try {
        addresses = await lookup(host, { all: true, verbatim: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        return { ok: false, reason: `its host does not resolve (${code})` };
      }
    }
    if (addresses.length === 0) return { ok: false, reason: 'its host does not resolve' };
    if (!checked.allowedHost) {
      const refused = firstRefusedAddress(addresses.map((a) => a.address));
      if (refused) {
        return {
          ok: false,
          reason: `its host resolves to ${refused.address}, a ${refused.kind} address (not allowed for webhooks)`,
        };
      }
    }
    const [first] = addresses;
    return { ok: true, target: { url: checked.url, address: first.address, family: first.family === 6 ? 6 : 4 } };
  }
}
