/**
 * One deployment per province: each profile of provinces/ has its overlay k8s/overlays/<id>, exactly as
 * `npm run k8s:province` renders it, and the rendered overlays keep the provinces apart (namespace, database, Kafka,
 * host). The other checks (kubernetes, policy, least privilege, internal API) run on every province's overlay too,
 * through OVERLAYS.
 */
import { readdirSync } from 'node:fs';
import { namespaceOf, publicHostOf } from '@pressconf/province';
import {
  PROVINCE_LABEL,
  provinceOverlayDir,
  provinceOverlayFile,
  provinceProfile,
  renderProvinceOverlay,
} from './province-overlays';
import { abs, isKind, OVERLAYS, PROVINCES, readText, rendered } from './repo';

const configOf = (id: string) =>
  rendered(provinceOverlayDir(id))
    .map((m) => m.doc)
    .find((doc) => isKind(doc, 'ConfigMap') && /^pressconf-config-/.test(doc.metadata?.name ?? ''));

describe('the provinces’ overlays', () => {
  it('ship at least two provinces, Đắk Lắk and Khánh Hòa, each checked as every overlay is', () => {
    expect(PROVINCES).toEqual(expect.arrayContaining(['dak-lak', 'khanh-hoa']));
    for (const id of PROVINCES) expect(OVERLAYS).toContain(id);
  });

  it.each(PROVINCES)('k8s/overlays/%s is the one generated from its profile (else npm run k8s:province)', (id) => {
    expect(readText(provinceOverlayFile(id))).toBe(renderProvinceOverlay(provinceProfile(id)));
  });

  it('has no overlay without a profile', () => {
    const overlays = readdirSync(abs('k8s/overlays'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(overlays.filter((name) => !['dev', 'prod'].includes(name)).sort()).toEqual([...PROVINCES]);
  });

  it.each(PROVINCES)('%s: its namespace, its label, its profile and its public host', (id) => {
    const profile = provinceProfile(id);
    const manifests = rendered(provinceOverlayDir(id));
    for (const { doc } of manifests) {
      expect(doc.kind === 'Namespace' ? doc.metadata?.name : doc.metadata?.namespace).toBe(namespaceOf(profile));
      expect(doc.metadata?.labels?.[PROVINCE_LABEL]).toBe(id);
    }
    expect(configOf(id)).toMatchObject({
      data: { PROVINCE_PROFILE: id, PUBLIC_BASE_URL: profile.publicBaseUrl.replace(/\/+$/, '') },
    });
    const ingresses = manifests.map((m) => m.doc).filter((doc) => isKind(doc, 'Ingress'));
    expect(ingresses.flatMap((i) => (i.spec?.rules ?? []).map((r) => r.host))).toEqual([publicHostOf(profile)]);
    expect(ingresses.flatMap((i) => (i.spec?.tls ?? []).flatMap((t) => t.hosts ?? []))).toEqual([
      publicHostOf(profile),
    ]);
    // The prod overlay's placeholder host is gone, and no other province is named.
    const text = JSON.stringify(manifests);
    expect(text).not.toContain('pressconf.example');
    for (const other of PROVINCES.filter((o) => o !== id))
      expect(text).not.toContain(publicHostOf(provinceProfile(other)));
  });

  it('keeps two provinces apart: no namespace, database or Kafka cluster in common', () => {
    const [first, second] = ['dak-lak', 'khanh-hoa'].map((id) => {
      const docs = rendered(provinceOverlayDir(id)).map((m) => m.doc);
      const homes = (kind: string) =>
        docs.filter((doc) => doc.kind === kind).map((doc) => `${doc.metadata?.namespace}/${doc.metadata?.name}`);
      return { namespaces: new Set(docs.map((d) => d.metadata?.namespace ?? d.metadata?.name)), homes };
    });
    expect([...first.namespaces].filter((ns) => second.namespaces.has(ns))).toEqual([]);
    for (const kind of ['Cluster', 'Database', 'Kafka', 'KafkaTopic', 'KafkaUser']) {
      expect(first.homes(kind).length).toBeGreaterThan(0);
      expect(first.homes(kind).filter((home) => second.homes(kind).includes(home))).toEqual([]);
    }
  });

  it('renders a changed profile differently (a stale overlay fails the check above)', () => {
    const profile = provinceProfile('khanh-hoa');
    const moved = renderProvinceOverlay({ ...profile, publicBaseUrl: 'https://hoinghi.khanhhoa.gov.vn' });
    expect(moved).not.toBe(readText(provinceOverlayFile('khanh-hoa')));
    expect(moved).toContain('value: hoinghi.khanhhoa.gov.vn');
    const renamed = renderProvinceOverlay({ ...profile, deployment: { namespace: 'hoinghi-kh' } });
    expect(renamed).toMatch(/^namespace: hoinghi-kh$/m);
  });
});
