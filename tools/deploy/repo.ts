/**
 * Reading the deployment files of the repository: YAML manifests, the compose file, Dockerfiles, and rendering the
 * kustomize overlays with `kubectl kustomize` (no cluster needed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import type {
  CnpgCluster,
  CnpgDatabase,
  StrimziKafka,
  StrimziKafkaNodePool,
  StrimziKafkaTopic,
  StrimziKafkaUser,
} from './crd-types';

export const ROOT = path.resolve(__dirname, '../..');
export const K8S_BASE = 'k8s/base';
/** The province profiles (provinces/<id>.json): each has its overlay k8s/overlays/<id>, generated from it. */
export const PROVINCES_DIR = 'provinces';
export const PROVINCES: readonly string[] = readdirSync(path.join(ROOT, PROVINCES_DIR))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();
/** The overlays every check runs on: dev, prod (which the provinces' build on) and one per province. */
export const OVERLAYS: readonly string[] = ['dev', 'prod', ...PROVINCES];
export type Overlay = string;

/** A Kubernetes object as read from YAML, and where it came from (for messages). */
export interface Manifest {
  source: string;
  doc: KubeObject;
}

/**
 * What YAML may hold for an API type: any field may be missing, at any depth. The checks read manifests through
 * these types and walk them defensively (a broken manifest is what they are there to report).
 */
export type Loose<T> = T extends readonly (infer E)[]
  ? Loose<E>[]
  : T extends object
    ? { [K in keyof T]?: Loose<T[K]> }
    : T;

/** A document of a manifest file: a Kubernetes object of some kind; `isKind` narrows it to its API type. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: Loose<IObjectMeta>;
  [field: string]: unknown;
}

/** The API types of the kinds the checks read, by kind (kubernetes-models for the built-in API, crd-types.ts for
 * the operators' resources). */
export interface Kinds {
  ConfigMap: IConfigMap;
  Secret: ISecret;
  Service: IService;
  Deployment: IDeployment;
  StatefulSet: IStatefulSet;
  DaemonSet: IDaemonSet;
  Job: IJob;
  CronJob: ICronJob;
  PodDisruptionBudget: IPodDisruptionBudget;
  HorizontalPodAutoscaler: IHorizontalPodAutoscaler;
  Ingress: IIngress;
  NetworkPolicy: INetworkPolicy;
  Kafka: StrimziKafka;
  KafkaNodePool: StrimziKafkaNodePool;
  KafkaTopic: StrimziKafkaTopic;
  KafkaUser: StrimziKafkaUser;
  Cluster: CnpgCluster;
  Database: CnpgDatabase;
}
export type Kind = keyof Kinds;
/** An object of that kind as read from YAML. */
export type KindOf<K extends Kind> = K extends Kind ? KubeObject & Loose<Kinds[K]> & { kind: K } : never;

/** Whether a document is of that kind: its fields are then those of the kind's API type, where present. */
export const isKind = <K extends Kind>(doc: KubeObject, kind: K): doc is KindOf<K> => doc.kind === kind;

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
