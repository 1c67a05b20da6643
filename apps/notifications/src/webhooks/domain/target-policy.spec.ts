import { checkTargetUrl, firstRefusedAddress, refusedAddressKind } from './target-policy';

describe('webhook target addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.10.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.254', 'CGNAT'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['255.255.255.255', 'reserved'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(refusedAddressKind(address)).toBe(kind);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '203.162.4.190', '2001:4860:4860::8888', '::ffff:8.8.8.8'])(
    'accepts the public address %s',
    (address) => expect(refusedAddressKind(address)).toBeUndefined(),
  );

  it('refuses a host when any of its addresses is refused', () => {
    expect(firstRefusedAddress(['8.8.8.8', '10.0.0.1'])).toEqual({ address: '10.0.0.1', kind: 'private' });
    expect(firstRefusedAddress(['8.8.8.8', '2001:4860:4860::8888'])).toBeUndefined();
  });
});

describe('webhook target URLs', () => {
  it('want https', () => {
    expect(checkTargetUrl('https://hooks.example.vn/in', [])).toMatchObject({ ok: true, allowedHost: false });
    expect(checkTargetUrl('http://hooks.example.vn/in', [])).toEqual({ ok: false, reason: 'must use https' });
    expect(checkTargetUrl('ftp://hooks.example.vn/in', [])).toMatchObject({ ok: false });
    expect(checkTargetUrl('hooks.example.vn/in', [])).toEqual({ ok: false, reason: 'must be an absolute URL' });
  });

  it('let an allowed host use http, matching its name without case', () => {
    expect(checkTargetUrl('http://127.0.0.1:8080/hook', ['127.0.0.1'])).toMatchObject({ ok: true, allowedHost: true });
    expect(checkTargetUrl('http://Receiver.Internal/hook', ['receiver.internal'])).toMatchObject({ ok: true });
    expect(checkTargetUrl('http://[::1]:9/hook', ['::1'])).toMatchObject({ ok: true, allowedHost: true });
  });

  it('refuse credentials in the URL', () => {
    expect(checkTargetUrl('https://user:pw@hooks.example.vn/', [])).toEqual({
      ok: false,
      reason: 'must not carry credentials',
    });
  });
});
