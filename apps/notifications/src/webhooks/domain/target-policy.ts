import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may be sent. A subscription names a URL; whoever controls its DNS controls where the service
 * connects, so the addresses a host resolves to are checked (when subscribing and again at every attempt), and the
 * connection goes to the address that was checked. Anything that is not a public unicast address is refused:
 * the service's own network, its loopback, the cloud's metadata endpoint.
 */

/** Named apart from the ranges they fall in, so that the refusal says what was aimed at. */
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254']);

const RANGES: Array<[kind: string, network: string, prefix: number, family: 'ipv4' | 'ipv6']> = [
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['CGNAT', '100.64.0.0', 10, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['reserved', '192.0.0.0', 24, 'ipv4'],
  ['documentation', '192.0.2.0', 24, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['reserved', '198.18.0.0', 15, 'ipv4'],
  ['documentation', '198.51.100.0', 24, 'ipv4'],
  ['documentation', '203.0.113.0', 24, 'ipv4'],
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'],
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  ['reserved', '100::', 64, 'ipv6'],
  ['documentation', '2001:db8::', 32, 'ipv6'],
  ['private', 'fc00::', 7, 'ipv6'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['multicast', 'ff00::', 8, 'ipv6'],
];

const LISTS = new Map<string, BlockList>();
for (const [kind, network, prefix, family] of RANGES) {
  const list = LISTS.get(kind) ?? new BlockList();
  list.addSubnet(network, prefix, family);
  LISTS.set(kind, list);
}

/** An IPv4 address carried in IPv6 (mapped `::ffff:a.b.c.d`, or NAT64 `64:ff9b::/96`) is judged as that IPv4. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const match = /^(?:::ffff:|64:ff9b::)(.+)$/.exec(lower);
  if (!match) return undefined;
  if (isIP(match[1]) === 4) return match[1];
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(match[1]);
  if (!hex) return undefined;
  const value = (parseInt(hex[1], 16) << 16) | parseInt(hex[2], 16);
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

/** Why a webhook must not connect to this address (`loopback`, `metadata`, …); undefined for a public address. */
export function refusedAddressKind(address: string): string | undefined {
  const inner = embeddedIpv4(address);
  if (inner) return refusedAddressKind(inner);
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  if (METADATA.has(address.toLowerCase())) return 'metadata';
  for (const [kind, list] of LISTS) {
    if (list.check(address, family === 4 ? 'ipv4' : 'ipv6')) return kind;
  }
  return undefined;
}

/** Host names compare without case and without the brackets of an IPv6 literal. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

export type TargetCheck = { ok: true; url: URL; allowedHost: boolean } | { ok: false; reason: string };

/**
 * The rules a URL must meet before any lookup: absolute, https (http too for a host of WEBHOOK_ALLOWED_HOSTS),
 * no credentials in it (they would be sent to whoever answers, and show in every log of the subscription).
 */
export function checkTargetUrl(raw: string, allowedHosts: readonly string[]): TargetCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'must be an absolute URL' };
  }
  const allowedHost = allowedHosts.some((host) => host.toLowerCase() === hostOf(url));
  if (url.protocol !== 'https:' && !(allowedHost && url.protocol === 'http:')) {
    return { ok: false, reason: 'must use https' };
  }
  if (url.username || url.password) return { ok: false, reason: 'must not carry credentials' };
  if (url.hash) return { ok: false, reason: 'must not have a fragment' };
  return { ok: true, url, allowedHost };
}

/** The first refused address of those a host resolved to, with why; undefined when every one is public. */
export function firstRefusedAddress(addresses: readonly string[]): { address: string; kind: string } | undefined {
  for (const address of addresses) {
    const kind = refusedAddressKind(address);
    if (kind) return { address, kind };
  }
  return undefined;
}
