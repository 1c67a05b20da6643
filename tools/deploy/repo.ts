/**
 * Reading the deployment files of the repository: YAML manifests, the compose file, Dockerfiles, and rendering the
 * kustomize overlays with `kubectl kustomize` (no cluster needed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

export const ROOT = path.resolve(__dirname, '../..');
export const K8S_BASE = 'k8s/base';
export const OVERLAYS = ['dev', 'prod'] as const;
export type Overlay = (typeof OVERLAYS)[number];

/** A Kubernetes object as read from YAML, and where it came from (for messages). */
export interface Manifest {
  source: string;
  doc: KubeObject;
}

// Manifests are arbitrary YAML trees: the checks walk them defensively.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type KubeObject = Record<string, any>;

export const abs = (relative: string): string => path.join(ROOT, relative);
export const readText = (relative: string): string => readFileSync(abs(relative), 'utf8');

/** Every document of a YAML text (empty documents dropped); throws on a YAML error. */
export function parseYamlDocs(text: string, source: string): Manifest[] {
  return parseAllDocuments(text).flatMap((document, index) => {
    if (document.errors.length > 0) throw new Error(`${source} (document ${index + 1}): ${document.errors[0].message}`);
    const doc = document.toJS({ maxAliasCount: 100 }) as KubeObject | null;
    return doc ? [{ source, doc }] : [];
  });
}

function yamlFilesUnder(relativeDir: string): string[] {
  return readdirSync(abs(relativeDir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(relativeDir, entry.name);
    if (entry.isDirectory()) return yamlFilesUnder(relative);
    return /\.ya?ml$/.test(entry.name) ? [relative] : [];
  });
}

/** Kubernetes manifests of a kustomization directory as committed (its kustomization.yaml itself excluded). */
export function committedManifests(relativeDir: string): Manifest[] {
  return yamlFilesUnder(relativeDir)
    .filter((file) => !/(^|\/)kustomization\.ya?ml$/.test(file))
    .flatMap((file) => parseYamlDocs(readText(file), file));
}

let kubectlChecked = false;
function requireKubectl(): void {
  if (kubectlChecked) return;
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'pipe' });
  } catch {
    throw new Error(
      'kubectl is needed to render the kustomize overlays (`kubectl kustomize`, no cluster involved); ' +
        'install it (e.g. Debian package kubectl from the Kubernetes apt repository)',
    );
  }
  kubectlChecked = true;
}

/** `kubectl kustomize <dir>`: the manifests exactly as `kubectl apply -k <dir>` would send them. */
export function kustomize(relativeDir: string): Manifest[] {
  requireKubectl();
  const output = execFileSync('kubectl', ['kustomize', abs(relativeDir)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parseYamlDocs(output, `kustomize ${relativeDir}`);
}

const renderCache = new Map<string, Manifest[]>();
/** Rendered once per test file: the checks only read them (use `clone` before breaking one). */
export function rendered(relativeDir: string): Manifest[] {
  if (!renderCache.has(relativeDir)) renderCache.set(relativeDir, kustomize(relativeDir));
  return renderCache.get(relativeDir)!;
}

export const overlayDir = (overlay: Overlay): string => `k8s/overlays/${overlay}`;

/** Every set of manifests the checks run on: the committed base files, the rendered base and each rendered overlay. */
export function allManifestSets(): Array<{ name: string; manifests: Manifest[] }> {
  return [
    { name: 'k8s/base (files)', manifests: committedManifests(K8S_BASE) },
    { name: 'k8s/base (rendered)', manifests: rendered(K8S_BASE) },
    ...OVERLAYS.map((overlay) => ({
      name: `${overlayDir(overlay)} (rendered)`,
      manifests: rendered(overlayDir(overlay)),
    })),
  ];
}

/** A deep copy that shares nothing, YAML aliases included (structuredClone would keep shared objects shared). */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function exists(relative: string): boolean {
  return existsSync(abs(relative));
}
