/**
 * One deployment per province: the kustomize overlay k8s/overlays/<id>, rendered from the province's profile
 * (provinces/<id>.json) on top of k8s/overlays/prod. `npm run k8s:province -- <id>` writes it
 * (tools/k8s/generate-province-overlay.ts); province-overlays.spec.ts fails while a committed overlay and its profile
 * disagree, and the manifest checks run on every province's overlay (repo.ts, OVERLAYS).
 */
import {
  loadProvinceProfile,
  namespaceOf,
  provinceTitle,
  publicHostOf,
  type ProvinceProfile,
} from '@pressconf/province';
import path from 'node:path';
import { PROVINCES_DIR, ROOT } from './repo';

/** The label every object of a province's deployment carries, for a national view across namespaces or clusters. */
export const PROVINCE_LABEL = 'pressconf/province';

export const provinceOverlayDir = (id: string): string => `k8s/overlays/${id}`;
export const provinceOverlayFile = (id: string): string => `${provinceOverlayDir(id)}/kustomization.yaml`;

/** The profile of provinces/<id>.json, validated as the services validate it. */
export function provinceProfile(id: string): ProvinceProfile {
  return loadProvinceProfile(id, [path.join(ROOT, PROVINCES_DIR)]);
}

/** The overlay's kustomization.yaml for a profile: the text `npm run k8s:province` writes. */
export function renderProvinceOverlay(profile: ProvinceProfile): string {
  const namespace = namespaceOf(profile);
  const host = publicHostOf(profile);
  return `# ${profile.name} (${provinceTitle(profile)}): its own deployment, generated from ${PROVINCES_DIR}/${profile.id}.json by
# \`npm run k8s:province -- ${profile.id}\`. Do not edit: change the profile, or k8s/overlays/prod (which every province
# builds on), and generate again; tools/deploy/province-overlays.spec.ts fails while the two disagree.
#
# Everything of k8s/overlays/prod, in the namespace ${namespace}:
# its own PostgreSQL cluster (pressconf-pg) and its own Kafka cluster (pressconf), so that no province shares a table,
# a topic or a consumer group with another; its public host, ${host}; the services read
# the profile ${profile.id}, which every image carries.
#   kubectl apply -k ${provinceOverlayDir(profile.id)}
# Before the first apply, create in the namespace ${namespace} the Secrets that k8s/overlays/prod lists
# (docs/operations.md, "A national roll-out").
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${namespace}
resources:
  - ../prod
labels:
  - pairs:
      ${PROVINCE_LABEL}: ${profile.id}
configMapGenerator:
  - name: pressconf-config
    behavior: merge
    literals:
      - PROVINCE_PROFILE=${profile.id}
      - PUBLIC_BASE_URL=${profile.publicBaseUrl.replace(/\/+$/, '')}
patches:
  # The province's public host, with its certificate (the Secret pressconf-gateway-tls of its namespace).
  - target:
      kind: Ingress
      name: gateway
    patch: |-
      - op: replace
        path: /spec/tls/0/hosts/0
        value: ${host}
      - op: replace
        path: /spec/rules/0/host
        value: ${host}
`;
}
