import { BlockList, isIP } from 'node:net';

/** Ranges never fetched by default: a feed URL must not reach the host or its neighbours. */
const REFUSED_RANGES: readonly [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'], // "this network"
  ['10.0.0.0', 8, 'ipv4'], // RFC 1918
  ['100.64.0.0', 10, 'ipv4'], // CGNAT
  ['127.0.0.0', 8, 'ipv4'], // loopback
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata
  ['172.16.0.0', 12, 'ipv4'], // RFC 1918
  ['192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['192.0.2.0', 24, 'ipv4'], // TEST-NET-1
  ['192.88.99.0', 24, 'ipv4'], // 6to4 relay
  ['192.168.0.0', 16, 'ipv4'], // RFC 1918
  ['198.18.0.0', 15, 'ipv4'], // benchmarking
  ['198.51.100.0', 24, 'ipv4'], // TEST-NET-2
  ['203.0.113.0', 24, 'ipv4'], // TEST-NET-3
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 128, 'ipv6'], // unspecified
  ['::1', 128, 'ipv6'], // loopback
  ['64:ff9b::', 96, 'ipv6'], // NAT64 (embeds IPv4)
  ['64:ff9b:1::', 48, 'ipv6'], // local NAT64
  ['100::', 64, 'ipv6'], // discard
  ['2001::', 23, 'ipv6'], // IETF protocol assignments (Teredo, ORCHID…)
  ['2001:db8::', 32, 'ipv6'], // documentation
  ['2002::', 16, 'ipv6'], // 6to4 (embeds IPv4)
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'], // site-local (deprecated)
  ['ff00::', 8, 'ipv6'], // multicast
];

function blockList(ranges: readonly [string, number, 'ipv4' | 'ipv6'][]): BlockList {
  const list = new BlockList();
  for (const [network, prefix, family] of ranges) list.addSubnet(network, prefix, family);
  return list;
}

const refused = blockList(REFUSED_RANGES);

/** Why an address may not be fetched, or null when it may. */
export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Which network addresses Précis may connect to when fetching feeds and article pages.
 * Loopback, private, link-local, CGNAT, multicast and reserved ranges are refused unless the
 * self-hoster opts in (all of them, or listed CIDR blocks).
 *
 * @example
 *   const policy = new AddressPolicy({ allowPrivate: false, allowCidrs: ['10.1.0.0/16'] });
 *   policy.check('169.254.169.254'); // { allowed: false, reason: '…' }
 */
export class AddressPolicy {
  private readonly allowList: BlockList;

  constructor(readonly options: { allowPrivate: boolean; allowCidrs: readonly string[] }) {
    this.allowList = blockList(options.allowCidrs.map(parseCidr));
  }

  /** Decides on one literal IP address (v4, v6 or IPv4-mapped v6). */
  check(address: string): AddressVerdict {
    const family = isIP(address);
    if (family === 0) return { allowed: false, reason: `"${address}" is not an IP address` };
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (this.options.allowPrivate || this.allowList.check(address, type)) return { allowed: true };
    if (refused.check(address, type)) {
      return { allowed: false, reason: `${address} is a private, loopback, link-local or reserved address (set PRECIS_ALLOW_PRIVATE_URLS=1 or fetching.allowNetworks to allow it)` };
    }
    return { allowed: true };
  }
}

/**
 * An address policy that refuses every non-public range: the default.
 *
 * @example
 *   new HttpFetcher({ policy: PUBLIC_ONLY });
 */
export const PUBLIC_ONLY = new AddressPolicy({ allowPrivate: false, allowCidrs: [] });

/**
 * "10.0.0.0/8" → ['10.0.0.0', 8, 'ipv4']; a bare address is a single host. Throws on bad input.
 *
 * @example
 *   parseCidr('fd00::/8'); // ['fd00::', 8, 'ipv6']
 */
export function parseCidr(cidr: string): [string, number, 'ipv4' | 'ipv6'] {
  const [address = '', prefixText] = cidr.trim().split('/');
  const family = isIP(address);
  if (family === 0) throw new RangeError(`"${cidr}" is not a CIDR block (expected e.g. "10.0.0.0/8")`);
  const max = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) throw new RangeError(`"${cidr}" has a bad prefix length (0–${max})`);
  return [address, prefix, family === 4 ? 'ipv4' : 'ipv6'];
}
