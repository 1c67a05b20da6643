/**
 * Policy checks on a rendered set of Kubernetes manifests (`kubectl kustomize` output), each returning the list of
 * problems it finds (empty when the manifests comply). The facts they compare with come from the code
 * (code-facts.ts, allTopics()), so a change on either side that the other does not follow fails `npm test`.
 */
import type { KafkaAccess, TopicSpec } from '@pressconf/messaging';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { AppFacts } from './code-facts';
import { isKind, type Kind, type KindOf, type KubeObject, type Loose, type Manifest } from './repo';

export interface CodeFacts {
  apps: AppFacts[];
  envNames: Set<string>;
  topics: TopicSpec[];
  /** Partition count the event topics were generated with (the code's default). */
  partitions: { event: number };
  databasePoolSize: number;
  /** What each app that uses Kafka does there (kafkaAccessOf): its Kafka user's ACLs, exactly. */
  kafkaAccess: Record<string, KafkaAccess>;
}

type Problems = string[];

// ----------------------------------------------------------------------------------------------------------------
// Reading manifests

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'] as const;
const LONG_RUNNING = ['Deployment', 'StatefulSet', 'DaemonSet'];

/** The object of a workload: a Deployment, StatefulSet, DaemonSet, Job or CronJob. */
export type WorkloadDoc = KindOf<(typeof WORKLOAD_KINDS)[number]>;
export type PodSpec = Loose<IPodSpec>;
export type Container = Loose<IContainer>;
/** Labels, annotations, a ConfigMap's data: names to strings (as read from YAML, a value may be missing). */
export type Labels = Loose<Record<string, string>>;

export interface Workload {
  manifest: Manifest;
  /** manifest.doc, typed. */
  doc: WorkloadDoc;
  kind: string;
  name: string;
  namespace: string;
  podSpec: PodSpec;
  podLabels: Labels;
  podAnnotations: Labels;
}

export const nsOf = (doc: KubeObject): string => doc?.metadata?.namespace ?? '';
export const nameOf = (doc: KubeObject): string => doc?.metadata?.name ?? '?';
const id = (doc: KubeObject): string => `${doc?.kind ?? '?'}/${nameOf(doc)}`;

const isWorkload = (doc: KubeObject): doc is WorkloadDoc => WORKLOAD_KINDS.some((kind) => isKind(doc, kind));

export function workloads(manifests: Manifest[]): Workload[] {
  return manifests.flatMap((manifest) => {
    const doc = manifest.doc;
    if (!isWorkload(doc)) return [];
    const template = doc.kind === 'CronJob' ? doc.spec?.jobTemplate?.spec?.template : doc.spec?.template;
    return [
      {
        manifest,
        doc,
        kind: doc.kind,
        name: nameOf(doc),
        namespace: nsOf(doc),
        podSpec: template?.spec ?? {},
        podLabels: template?.metadata?.labels ?? {},
        podAnnotations: template?.metadata?.annotations ?? {},
      },
    ];
  });
}

const containersOf = (podSpec: PodSpec): Container[] => [
  ...(podSpec.initContainers ?? []),
  ...(podSpec.containers ?? []),
];

export const byKind = <K extends Kind>(manifests: Manifest[], kind: K): Array<KindOf<K>> =>
  manifests.map((m) => m.doc).filter((doc): doc is KindOf<K> => isKind(doc, kind));

export const matches = (selector: Labels | undefined, labels: Labels): boolean =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

export type DeploymentWorkload = Workload & { doc: KindOf<'Deployment'> };

/** The app a Deployment runs: its name is an app of the workspace. */
export const appDeployment = (manifests: Manifest[], app: string): DeploymentWorkload | undefined =>
  workloads(manifests).find((w): w is DeploymentWorkload => w.doc.kind === 'Deployment' && w.name === app);

/** The project's ConfigMap that the app containers load with envFrom (the rendered name carries a hash suffix). */
export function configMapData(manifests: Manifest[], name: string | undefined, namespace: string): Labels | undefined {
  const found = byKind(manifests, 'ConfigMap').find((cm) => nameOf(cm) === name && nsOf(cm) === namespace);
  return found ? { ...(found.data ?? {}) } : undefined;
}

export function secretKeys(manifests: Manifest[], name: string | undefined, namespace: string): string[] | undefined {
  const found = byKind(manifests, 'Secret').find((s) => nameOf(s) === name && nsOf(s) === namespace);
  return found ? [...Object.keys(found.data ?? {}), ...Object.keys(found.stringData ?? {})] : undefined;
}

/**
 * The value a container sees for an environment variable, as Kubernetes resolves it: `env` wins over `envFrom`,
 * a later envFrom source over an earlier one. Only ConfigMap values are known here (Secrets hold no plain values
 * in the manifests); undefined when not set.
 */
export function envValue(
  manifests: Manifest[],
  workload: Workload,
  container: Container,
  name: string,
): string | undefined {
  const direct = (container.env ?? []).find((e) => e.name === name);
  if (direct) return direct.value;
  let value: string | undefined;
  for (const source of container.envFrom ?? []) {
    const data = source.configMapRef && configMapData(manifests, source.configMapRef.name, workload.namespace);
    const prefix = source.prefix ?? '';
    if (data && name.startsWith(prefix) && name.slice(prefix.length) in data) value = data[name.slice(prefix.length)];
  }
  return value;
}

/** The project's configuration values: the ConfigMaps the app Deployments load (shared, and Kafka's for its users). */
function projectConfig(manifests: Manifest[], facts: CodeFacts): Labels {
  const config: Labels = {};
  for (const app of facts.apps) {
    const workload = appDeployment(manifests, app.name);
    const container = workload?.podSpec.containers?.find((c) => c.name === app.name);
    for (const source of container?.envFrom ?? []) {
      const data = source.configMapRef && configMapData(manifests, source.configMapRef.name, workload!.namespace);
      if (data) Object.assign(config, data);
    }
  }
  return config;
}

/** The numeric port a probe, Service targetPort or Ingress backend names: a number, or the name of a container port. */
function resolvePort(container: Container, port: unknown): number | undefined {
  if (typeof port === 'number') return port;
  if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
  return (container.ports ?? []).find((p) => p.name === port)?.containerPort;
}

// ----------------------------------------------------------------------------------------------------------------
// 1. Probes and resources

/** Every container has CPU and memory requests and limits; every long-running container has liveness and readiness
 * probes, and the project's services probe /health/live (liveness, startup) and /health/ready (readiness). */
export function probesAndResources(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  const appNames = new Set(facts.apps.map((a) => a.name));
  for (const w of workloads(manifests)) {
    for (const c of containersOf(w.podSpec)) {
      const where = `${w.kind}/${w.name} container ${c.name}`;
      for (const kind of ['requests', 'limits'] as const) {
        for (const resource of ['cpu', 'memory'] as const) {
          if (c.resources?.[kind]?.[resource] === undefined)
            problems.push(`${where}: no resources.${kind}.${resource}`);
        }
      }
    }
    if (!LONG_RUNNING.includes(w.kind)) continue;
    for (const c of w.podSpec.containers ?? []) {
      const where = `${w.kind}/${w.name} container ${c.name}`;
      if (!c.livenessProbe) problems.push(`${where}: no livenessProbe`);
      if (!c.readinessProbe) problems.push(`${where}: no readinessProbe`);
      if (w.kind === 'Deployment' && appNames.has(w.name) && c.name === w.name) {
        if (c.livenessProbe && c.livenessProbe.httpGet?.path !== '/health/live')
          problems.push(`${where}: livenessProbe must GET /health/live`);
        if (c.readinessProbe && c.readinessProbe.httpGet?.path !== '/health/ready')
          problems.push(`${where}: readinessProbe must GET /health/ready`);
        if (c.startupProbe && c.startupProbe.httpGet?.path !== '/health/live')
          problems.push(`${where}: startupProbe must GET /health/live`);
      }
    }
  }
  // The operators' pods: resources are set on their custom resources.
  for (const pool of byKind(manifests, 'KafkaNodePool')) {
    if (!pool.spec?.resources?.limits?.memory || !pool.spec?.resources?.requests?.memory)
      problems.push(`${id(pool)}: no memory requests and limits`);
  }
  for (const cluster of byKind(manifests, 'Cluster')) {
    if (!cluster.spec?.resources?.limits?.memory || !cluster.spec?.resources?.requests?.memory)
      problems.push(`${id(cluster)}: no memory requests and limits`);
  }
  return problems;
}

// ----------------------------------------------------------------------------------------------------------------
// 2. Images

/** Why an image reference is not pinned, or undefined when it is (an explicit tag other than latest, or a digest). */
export function unpinnedImage(image: unknown): string | undefined {
  if (typeof image !== 'string' || image.trim() === '') return 'no image';
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return undefined;
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon <= lastSlash) return `${image} has no tag`;
  const tag = image.slice(colon + 1);
  if (tag.toLowerCase() === 'latest') return `${image} uses the tag latest`;
  return undefined;
}

/** The image of an app: `docker build --build-arg APP=<app> -t pressconf/<app>:<version> .` (one Dockerfile). */
export const appImageName = (app: string): string => `pressconf/${app}`;

/** An image reference without its tag and digest (`registry:5000/pressconf/gateway:0.1.0` →
 * `registry:5000/pressconf/gateway`). */
export function imageRepository(image: string): string {
  const name = image.replace(/@sha256:[0-9a-f]{64}$/, '');
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
}

/** Each app's Deployment runs the app's own image (pressconf/<app>, from any registry): all images come from one
 * Dockerfile, so the name is what tells them apart. */
export function appImages(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  for (const app of facts.apps) {
    const c = appDeployment(manifests, app.name)?.podSpec.containers?.find((x) => x.name === app.name);
    if (!c) continue;
    const repository = imageRepository(String(c.image ?? ''));
    const expected = appImageName(app.name);
    if (repository !== expected && !repository.endsWith(`/${expected}`))
      problems.push(
        `Deployment/${app.name} container ${app.name}: runs ${c.image}, not the image built with APP=${app.name} (${expected})`,
      );
  }
  return problems;
}

/** No container image without a tag or with `latest`; the operators' images pinned too. */
export function imagesPinned(manifests: Manifest[]): Problems {
  const problems: Problems = [];
  for (const w of workloads(manifests)) {
    for (const c of containersOf(w.podSpec)) {
      const why = unpinnedImage(c.image);
      if (why) problems.push(`${w.kind}/${w.name} container ${c.name}: ${why}`);
    }
  }
  for (const cluster of byKind(manifests, 'Cluster')) {
    const why = cluster.spec?.imageCatalogRef ? undefined : unpinnedImage(cluster.spec?.imageName);
    if (why) problems.push(`${id(cluster)}: spec.imageName: ${why}`);
  }
  for (const kafka of byKind(manifests, 'Kafka')) {
    if (!kafka.spec?.kafka?.version)
      problems.push(`${id(kafka)}: spec.kafka.version not set (the broker image would float with the operator)`);
    if (kafka.spec?.kafka?.image) {
      const why = unpinnedImage(kafka.spec.kafka.image);
      if (why) problems.push(`${id(kafka)}: spec.kafka.image: ${why}`);
    }
  }
  return problems;
}

// ----------------------------------------------------------------------------------------------------------------
// 3. Selectors and references between objects

/** Service, PDB and workload selectors select pod templates; HPA targets and Ingress backends exist; a Service's
 * targetPort is a port of the pods it selects. */
export function selectorsMatch(manifests: Manifest[]): Problems {
  const problems: Problems = [];
  const all = workloads(manifests);
  for (const w of all) {
    if (w.doc.kind === 'Job' || w.doc.kind === 'CronJob') continue;
    if (!matches(w.doc.spec?.selector?.matchLabels, w.podLabels)) {
      problems.push(`${w.kind}/${w.name}: spec.selector.matchLabels does not match its pod template labels`);
    }
  }
  const services = byKind(manifests, 'Service');
  for (const service of services) {
    const selector = service.spec?.selector;
    if (!selector) continue; // a Service without selector is managed by hand (EndpointSlices)
    const selected = all.filter((w) => w.namespace === nsOf(service) && matches(selector, w.podLabels));
    if (selected.length === 0) {
      problems.push(`Service/${nameOf(service)}: selector ${JSON.stringify(selector)} matches no pod template`);
      continue;
    }
    for (const port of service.spec?.ports ?? []) {
      const target = port.targetPort ?? port.port;
      for (const w of selected) {
        const resolved = (w.podSpec.containers ?? []).some((c) => {
          const port = resolvePort(c, target);
          return (c.ports ?? []).some((p) => p.containerPort === port);
        });
        if (!resolved)
          problems.push(
            `Service/${nameOf(service)} port ${port.name ?? port.port}: targetPort ${target} is no container port of ${w.kind}/${w.name}`,
          );
      }
    }
  }
  for (const pdb of byKind(manifests, 'PodDisruptionBudget')) {
    const selector = pdb.spec?.selector?.matchLabels;
    if (!all.some((w) => w.namespace === nsOf(pdb) && matches(selector, w.podLabels))) {
      problems.push(`PodDisruptionBudget/${nameOf(pdb)}: selector matches no pod template`);
    }
  }
  for (const hpa of byKind(manifests, 'HorizontalPodAutoscaler')) {
    const ref = hpa.spec?.scaleTargetRef;
    if (!all.some((w) => w.kind === ref?.kind && w.name === ref?.name && w.namespace === nsOf(hpa))) {
      problems.push(`HorizontalPodAutoscaler/${nameOf(hpa)}: scaleTargetRef ${ref?.kind}/${ref?.name} does not exist`);
    }
  }
  for (const ingress of byKind(manifests, 'Ingress')) {
    for (const rule of ingress.spec?.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        const backend = p.backend?.service;
        const service = services.find((s) => nameOf(s) === backend?.name && nsOf(s) === nsOf(ingress));
        if (!service) {
          problems.push(`Ingress/${nameOf(ingress)} ${p.path}: backend Service ${backend?.name} does not exist`);
        } else if (
          !(service.spec?.ports ?? []).some((sp) =>
            backend?.port?.name ? sp.name === backend.port.name : sp.port === backend?.port?.number,
          )
        ) {
          problems.push(
            `Ingress/${nameOf(ingress)} ${p.path}: Service ${backend?.name} has no port ${backend?.port?.name ?? backend?.port?.number}`,
          );
        }
      }
    }
  }
  return problems;
}

/** Every ConfigMap and Secret a pod refers to exists in the manifests, or is one an operator generates
 * (CloudNativePG: <cluster>-app; Strimzi: a KafkaUser's password under its name, the cluster CA
 * <kafka>-cluster-ca-cert) or one the operator of the cluster provides (`providedSecrets`). */
export function referencesResolve(manifests: Manifest[], providedSecrets: string[] = []): Problems {
  const problems: Problems = [];
  const generatedSecrets = [
    ...byKind(manifests, 'Cluster').map((c) => `${nameOf(c)}-app`),
    ...byKind(manifests, 'KafkaUser').map((u) => nameOf(u)),
    ...byKind(manifests, 'Kafka').map((k) => `${nameOf(k)}-cluster-ca-cert`),
  ];
  const secretExists = (name: string | undefined, ns: string) =>
    byKind(manifests, 'Secret').some((s) => nameOf(s) === name && nsOf(s) === ns) ||
    (name !== undefined && (generatedSecrets.includes(name) || providedSecrets.includes(name)));
  const configMapExists = (name: string | undefined, ns: string) =>
    byKind(manifests, 'ConfigMap').some((c) => nameOf(c) === name && nsOf(c) === ns);
  for (const w of workloads(manifests)) {
    const where = (c: Container) => `${w.kind}/${w.name} container ${c.name}`;
    for (const c of containersOf(w.podSpec)) {
      for (const source of c.envFrom ?? []) {
        if (
          source.configMapRef &&
          !source.configMapRef.optional &&
          !configMapExists(source.configMapRef.name, w.namespace)
        )
          problems.push(`${where(c)}: ConfigMap ${source.configMapRef.name} does not exist`);
        if (source.secretRef && !source.secretRef.optional && !secretExists(source.secretRef.name, w.namespace))
          problems.push(`${where(c)}: Secret ${source.secretRef.name} does not exist`);
      }
      for (const e of c.env ?? []) {
        const cm = e.valueFrom?.configMapKeyRef;
        const secret = e.valueFrom?.secretKeyRef;
        if (cm && !cm.optional && !configMapExists(cm.name, w.namespace))
          problems.push(`${where(c)}: env ${e.name}: ConfigMap ${cm.name} does not exist`);
        if (secret && !secret.optional && !secretExists(secret.name, w.namespace))
          problems.push(`${where(c)}: env ${e.name}: Secret ${secret.name} does not exist`);
      }
    }
  }
  return problems;
}

// ----------------------------------------------------------------------------------------------------------------
// 4. Ports

/** Each service's container port is the port its code listens on (its <APP>_PORT as configured, else the code's
 * default), and its probes, its Service's targetPort and its Prometheus scrape annotation all point at it. */
export function portsAgree(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  for (const app of facts.apps) {
    const w = appDeployment(manifests, app.name);
    if (!w) {
      problems.push(`no Deployment for the app ${app.name}`);
      continue;
    }
    const c = (w.podSpec.containers ?? []).find((x) => x.name === app.name);
    if (!c) {
      problems.push(`Deployment/${app.name}: no container named ${app.name}`);
      continue;
    }
    const configured = envValue(manifests, w, c, app.portVar);
    const expected = configured === undefined ? app.defaultPort : Number(configured);
    if (!Number.isInteger(expected))
      problems.push(`Deployment/${app.name}: ${app.portVar}=${configured} is not a port number`);
    const where = `Deployment/${app.name} (listens on ${app.portVar}=${expected})`;
    if (!(c.ports ?? []).some((p) => p.containerPort === expected))
      problems.push(`${where}: no containerPort ${expected}`);
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'] as const) {
      const port = c[probe]?.httpGet?.port;
      if (c[probe] && resolvePort(c, port) !== expected)
        problems.push(`${where}: ${probe} port ${port} is not ${expected}`);
    }
    if (w.podAnnotations['prometheus.io/scrape'] !== 'true')
      problems.push(`${where}: no prometheus.io/scrape: "true" annotation`);
    if (w.podAnnotations['prometheus.io/port'] !== String(expected))
      problems.push(`${where}: prometheus.io/port is ${w.podAnnotations['prometheus.io/port']}, not ${expected}`);
    if (w.podAnnotations['prometheus.io/path'] !== '/metrics')
      problems.push(`${where}: prometheus.io/path is not /metrics`);
    const services = byKind(manifests, 'Service').filter(
      (s) => nsOf(s) === w.namespace && matches(s.spec?.selector, w.podLabels),
    );
    if (services.length === 0) problems.push(`${where}: no Service selects it`);
    for (const s of services) {
      for (const port of s.spec?.ports ?? []) {
        const target = resolvePort(c, port.targetPort ?? port.port);
        if (target !== expected)
          problems.push(
            `${where}: Service/${nameOf(s)} targets port ${port.targetPort ?? port.port} (${target}), not ${expected}`,
          );
      }
    }
  }
  return problems;
}

// ----------------------------------------------------------------------------------------------------------------
// 5. Environment names

/** The names the project's containers are given (env, and the keys of the ConfigMaps and Secrets they load) are
 * names the code reads: a misspelt or stale variable would be silently ignored. */
export function envNamesKnown(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  const appNames = new Set<string | undefined>(facts.apps.map((a) => a.name));
  const seen = new Set<string>();
  for (const w of workloads(manifests)) {
    for (const c of containersOf(w.podSpec)) {
      if (!appNames.has(c.name)) continue; // third-party containers (e.g. MailDev) have their own variables
      const where = `${w.kind}/${w.name} container ${c.name}`;
      for (const e of c.env ?? []) {
        if (!(e.name !== undefined && facts.envNames.has(e.name)))
          problems.push(`${where}: env ${e.name} is not read by the code`);
      }
      for (const source of c.envFrom ?? []) {
        const ref = source.configMapRef ?? source.secretRef;
        const kind = source.configMapRef ? 'ConfigMap' : 'Secret';
        const key = `${kind}/${ref?.name}`;
        if (!ref || seen.has(key)) continue;
        seen.add(key);
        const names = source.configMapRef
          ? Object.keys(configMapData(manifests, ref.name, w.namespace) ?? {})
          : (secretKeys(manifests, ref.name, w.namespace) ?? []);
        for (const name of names) {
          if (!facts.envNames.has(`${source.prefix ?? ''}${name}`))
            problems.push(`${kind}/${ref.name}: ${name} is not read by the code`);
        }
      }
    }
  }
  return problems;
}

// ----------------------------------------------------------------------------------------------------------------
// 6. Pod security

/** The project's pods run as a numeric non-root user, without privilege escalation or capabilities, on a read-only
 * root filesystem, without Service-link variables (a Service named `gateway` would inject GATEWAY_PORT=tcp://…,
 * which the gateway reads as its port) and without a service account token they do not use. */
export function podSecurity(manifests: Manifest[]): Problems {
  const problems: Problems = [];
  for (const w of workloads(manifests)) {
    const pod = w.podSpec;
    const where = `${w.kind}/${w.name}`;
    if (pod.securityContext?.runAsNonRoot !== true) problems.push(`${where}: securityContext.runAsNonRoot is not true`);
    if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault')
      problems.push(`${where}: no RuntimeDefault seccomp profile`);
    if (pod.enableServiceLinks !== false) problems.push(`${where}: enableServiceLinks is not false`);
    if (pod.automountServiceAccountToken !== false)
      problems.push(`${where}: automountServiceAccountToken is not false`);
    for (const c of containersOf(pod)) {
      const at = `${where} container ${c.name}`;
      const user = c.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
      if (!(typeof user === 'number' && Number.isInteger(user) && user > 0))
        problems.push(`${at}: no numeric non-root runAsUser (an image's USER name cannot be verified as non-root)`);
      if (c.securityContext?.allowPrivilegeEscalation !== false)
        problems.push(`${at}: allowPrivilegeEscalation is not false`);
      if (c.securityContext?.readOnlyRootFilesystem !== true)
        problems.push(`${at}: readOnlyRootFilesystem is not true`);
      if (!(c.securityContext?.capabilities?.drop ?? []).includes('ALL'))
        problems.push(`${at}: capabilities are not all dropped`);
    }
  }
  return problems;
}

// ----------------------------------------------------------------------------------------------------------------
// 7. Kafka topics

const brokerCount = (manifests: Manifest[], cluster: string | undefined): number =>
  byKind(manifests, 'KafkaNodePool')
    .filter((p) => p.metadata?.labels?.['strimzi.io/cluster'] === cluster && (p.spec?.roles ?? []).includes('broker'))
    .reduce((sum, p) => sum + (p.spec?.replicas ?? 0), 0);

/** The KafkaTopics are exactly the topics of the code (allTopics()) with the same partition counts, for a Kafka
 * cluster of the manifests, replicated KAFKA_REPLICATION_FACTOR times (what the services would create them with),
 * which the brokers can hold, with a min.insync.replicas that leaves room for one broker down. */
export function topicsMatchCode(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  const topics = byKind(manifests, 'KafkaTopic');
  const kafkas = byKind(manifests, 'Kafka');
  const declared = new Map<string, KindOf<'KafkaTopic'>>();
  for (const t of topics) {
    const name = t.spec?.topicName ?? nameOf(t);
    if (declared.has(name)) problems.push(`KafkaTopic ${name} is declared twice`);
    declared.set(name, t);
  }
  const expected = new Map(facts.topics.map((t) => [t.topic, t.numPartitions]));
  for (const [name, partitions] of expected) {
    const t = declared.get(name);
    if (!t) problems.push(`topic ${name} (allTopics()) has no KafkaTopic`);
    else if (t.spec?.partitions !== partitions)
      problems.push(`KafkaTopic ${name}: ${t.spec?.partitions} partitions, the code says ${partitions}`);
  }
  for (const name of declared.keys())
    if (!expected.has(name)) problems.push(`KafkaTopic ${name} is not a topic of the code (allTopics())`);

  const config = projectConfig(manifests, facts);
  const replication = Number(config.KAFKA_REPLICATION_FACTOR ?? 1);
  if (config.KAFKA_EVENT_PARTITIONS !== undefined && Number(config.KAFKA_EVENT_PARTITIONS) !== facts.partitions.event) {
    problems.push(
      `ConfigMap sets KAFKA_EVENT_PARTITIONS=${config.KAFKA_EVENT_PARTITIONS}, but the KafkaTopics have ${facts.partitions.event} (regenerate them with the new default)`,
    );
  }
  for (const t of topics) {
    const name = t.spec?.topicName ?? nameOf(t);
    const cluster = t.metadata?.labels?.['strimzi.io/cluster'];
    if (!kafkas.some((k) => nameOf(k) === cluster && nsOf(k) === nsOf(t)))
      problems.push(`KafkaTopic ${name}: strimzi.io/cluster ${cluster} is no Kafka of the manifests`);
    if (t.spec?.replicas !== replication)
      problems.push(`KafkaTopic ${name}: replicas ${t.spec?.replicas}, but KAFKA_REPLICATION_FACTOR is ${replication}`);
    const brokers = brokerCount(manifests, cluster);
    if ((t.spec?.replicas ?? 0) > brokers)
      problems.push(`KafkaTopic ${name}: replicas ${t.spec?.replicas} > ${brokers} broker(s)`);
  }
  for (const kafka of kafkas) {
    const brokers = brokerCount(manifests, nameOf(kafka));
    const kafkaConfig = kafka.spec?.kafka?.config ?? {};
    const minIsr = Number(kafkaConfig['min.insync.replicas'] ?? 1);
    if (brokers === 0) problems.push(`${id(kafka)}: no KafkaNodePool with the broker role`);
    if (replication > 1 && minIsr >= replication)
      problems.push(
        `${id(kafka)}: min.insync.replicas ${minIsr} leaves no room for a broker down (replication ${replication})`,
      );
    for (const key of [
      'default.replication.factor',
      'offsets.topic.replication.factor',
      'transaction.state.log.replication.factor',
    ]) {
      if (Number(kafkaConfig[key] ?? 1) > brokers)
        problems.push(`${id(kafka)}: ${key} ${kafkaConfig[key]} > ${brokers} broker(s)`);
    }
    if (kafkaConfig['auto.create.topics.enable'] !== false)
      problems.push(`${id(kafka)}: auto.create.topics.enable must be false (topics are declared)`);
  }
  return problems;
}

// ----------------------------------------------------------------------------------------------------------------
// 8. Scaling

/** Each app has one HPA and one PDB; its Deployment leaves `replicas` to the HPA; an app that consumes events scales
 * at most to the event topics' partition count (more consumers than partitions sit idle). The gateway uses no
 * Kafka, so no partition count bounds it (PostgreSQL's connections do: databaseConnectionsFit). */
export function scalingFitsPartitions(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  const hpas = byKind(manifests, 'HorizontalPodAutoscaler');
  const pdbs = byKind(manifests, 'PodDisruptionBudget');
  for (const app of facts.apps) {
    const w = appDeployment(manifests, app.name);
    if (!w) continue;
    const mine = hpas.filter(
      (h) =>
        h.spec?.scaleTargetRef?.kind === 'Deployment' &&
        h.spec?.scaleTargetRef?.name === app.name &&
        nsOf(h) === w.namespace,
    );
    if (mine.length !== 1)
      problems.push(`Deployment/${app.name}: ${mine.length} HorizontalPodAutoscalers (expected 1)`);
    if (w.doc.spec?.replicas !== undefined && mine.length > 0)
      problems.push(`Deployment/${app.name}: sets spec.replicas although an HPA manages it`);
    if (!pdbs.some((p) => nsOf(p) === w.namespace && matches(p.spec?.selector?.matchLabels, w.podLabels)))
      problems.push(`Deployment/${app.name}: no PodDisruptionBudget`);
    for (const hpa of mine) {
      const min = hpa.spec?.minReplicas ?? 1;
      const max = hpa.spec?.maxReplicas;
      if (max !== undefined && min > max)
        problems.push(`HorizontalPodAutoscaler/${app.name}: minReplicas ${min} > maxReplicas ${max}`);
      if (app.usesKafka && max !== undefined && max > facts.partitions.event) {
        problems.push(
          `HorizontalPodAutoscaler/${app.name}: maxReplicas ${max} > ${facts.partitions.event} partitions of an event topic`,
        );
      }
    }
  }
  return problems;
}

// ----------------------------------------------------------------------------------------------------------------
// 9. Migrations and database

/** The migration Job runs `node main.js --migrate-only` with the image of every service that has a database and of
 * no other, each the same image as its Deployment; every such service gets DATABASE_URL. */
export function migrationsCoverDatabases(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  const migrating = new Map<string | undefined, Container>();
  for (const w of workloads(manifests).filter((x) => x.kind === 'Job')) {
    for (const c of containersOf(w.podSpec)) {
      const command = [...(c.command ?? []), ...(c.args ?? [])];
      if (command.includes('--migrate-only')) {
        if (command.join(' ') !== 'node main.js --migrate-only')
          problems.push(
            `Job/${w.name} container ${c.name}: runs \`${command.join(' ')}\`, not \`node main.js --migrate-only\``,
          );
        migrating.set(c.name, c);
      }
    }
  }
  for (const app of facts.apps) {
    const w = appDeployment(manifests, app.name);
    const c = w?.podSpec.containers?.find((x) => x.name === app.name);
    const job = migrating.get(app.name);
    if (app.hasDatabase && !job) problems.push(`${app.name} has a database, but no Job runs its migrations`);
    if (!app.hasDatabase && job) problems.push(`${app.name} has no database, but a Job runs its migrations`);
    if (job && c && job.image !== c.image)
      problems.push(`the migration of ${app.name} runs ${job.image}, its Deployment ${c.image}`);
    if (
      app.hasDatabase &&
      c &&
      !(c.env ?? []).some((e) => e.name === 'DATABASE_URL') &&
      envValue(manifests, w!, c, 'DATABASE_URL') === undefined
    ) {
      problems.push(`Deployment/${app.name}: has a database but no DATABASE_URL`);
    }
    if (job && !(job.env ?? []).some((e) => e.name === 'DATABASE_URL'))
      problems.push(`the migration of ${app.name}: no DATABASE_URL`);
  }
  for (const name of migrating.keys()) {
    if (!facts.apps.some((a) => a.name === name))
      problems.push(`a Job migrates "${name}", which is no app of the workspace`);
  }
  return problems;
}

/** PostgreSQL accepts the connections of every service at its maximum scale (HPA maxReplicas × pool size) and of
 * the migration Job at once, less the connections PostgreSQL reserves for superusers. */
export function databaseConnectionsFit(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  const config = projectConfig(manifests, facts);
  const pool = Number(config.DATABASE_POOL_SIZE ?? facts.databasePoolSize);
  for (const cluster of byKind(manifests, 'Cluster')) {
    const parameters = cluster.spec?.postgresql?.parameters ?? {};
    const available =
      Number(parameters.max_connections ?? 100) - Number(parameters.superuser_reserved_connections ?? 3);
    let needed = 0;
    const parts: string[] = [];
    for (const app of facts.apps.filter((a) => a.hasDatabase)) {
      const hpa = byKind(manifests, 'HorizontalPodAutoscaler').find((h) => h.spec?.scaleTargetRef?.name === app.name);
      const replicas = hpa?.spec?.maxReplicas ?? appDeployment(manifests, app.name)?.doc.spec?.replicas ?? 1;
      needed += replicas * pool;
      parts.push(`${app.name} ${replicas}×${pool}`);
    }
    const migrations = workloads(manifests)
      .filter((w) => w.kind === 'Job')
      .flatMap((w) => containersOf(w.podSpec))
      .filter((c) => [...(c.command ?? []), ...(c.args ?? [])].includes('--migrate-only')).length;
    needed += migrations * pool;
    parts.push(`migrations ${migrations}×${pool}`);
    if (needed > available)
      problems.push(
        `${id(cluster)}: max_connections allows ${available} connections, the services may open ${needed} (${parts.join(' + ')})`,
      );
  }
  return problems;
}

// ----------------------------------------------------------------------------------------------------------------
// 10. Ingress

/** The Ingress publishes the API and its documents only (never /metrics, /health or /internal, never everything),
 * never a Service of an app that serves an internal API to another, on the host of PUBLIC_BASE_URL (the links in
 * the mail), with TLS when that URL is https. */
export function ingressPolicy(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  const ingresses = byKind(manifests, 'Ingress');
  if (ingresses.length === 0) return ['no Ingress'];
  const internalApps = new Set(facts.apps.flatMap((a) => a.calls.map((call) => call.app)));
  for (const ingress of ingresses) {
    for (const rule of ingress.spec?.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        if (p.path === '/' || p.path === '' || /^\/(metrics|health|internal)/.test(p.path ?? ''))
          problems.push(`Ingress/${nameOf(ingress)}: publishes ${p.path} (internal endpoints must stay internal)`);
        const service = byKind(manifests, 'Service').find(
          (s) => nameOf(s) === p.backend?.service?.name && nsOf(s) === nsOf(ingress),
        );
        for (const app of internalApps) {
          const w = appDeployment(manifests, app);
          if (service && w && w.namespace === nsOf(ingress) && matches(service.spec?.selector, w.podLabels)) {
            problems.push(`Ingress/${nameOf(ingress)} ${p.path}: routes to ${app}, whose port serves its internal API`);
          }
        }
      }
    }
    if (ingress.spec?.defaultBackend)
      problems.push(`Ingress/${nameOf(ingress)}: has a defaultBackend (publishes everything)`);
  }
  const publicUrl = projectConfig(manifests, facts).PUBLIC_BASE_URL;
  if (publicUrl) {
    const url = new URL(publicUrl);
    const hosts = ingresses.flatMap((i) => (i.spec?.rules ?? []).map((r) => r.host));
    if (!hosts.includes(url.hostname))
      problems.push(`PUBLIC_BASE_URL ${publicUrl}: host ${url.hostname} is not an Ingress host (${hosts.join(', ')})`);
    const tlsHosts = ingresses.flatMap((i) => (i.spec?.tls ?? []).flatMap((t) => t.hosts ?? []));
    if (url.protocol === 'https:' && !tlsHosts.includes(url.hostname))
      problems.push(`PUBLIC_BASE_URL ${publicUrl} is https, but the Ingress has no TLS for ${url.hostname}`);
  }
  return problems;
}

/** Every policy, by name (the spec runs each on every rendered set). */
export const POLICIES: Record<
  string,
  (manifests: Manifest[], facts: CodeFacts, providedSecrets: string[]) => Problems
> = {
  'probes and resource limits on every container': (m, f) => probesAndResources(m, f),
  'no latest or untagged image': (m) => imagesPinned(m),
  'each app runs its own image (pressconf/<app>)': (m, f) => appImages(m, f),
  'selectors match pod labels, references exist': (m) => selectorsMatch(m),
  'every referenced ConfigMap and Secret exists': (m, _f, provided) => referencesResolve(m, provided),
  'container ports equal the service env ports and the probes': (m, f) => portsAgree(m, f),
  'env names are names the code reads': (m, f) => envNamesKnown(m, f),
  'pods run non-root, read-only, without service links': (m) => podSecurity(m),
  'KafkaTopics equal allTopics()': (m, f) => topicsMatchCode(m, f),
  'one HPA per app, event consumers within the partitions': (m, f) => scalingFitsPartitions(m, f),
  'the migration Job covers every service with a database': (m, f) => migrationsCoverDatabases(m, f),
  'PostgreSQL max_connections fits the services at full scale': (m, f) => databaseConnectionsFit(m, f),
  'the Ingress publishes the gateway’s API only, on the PUBLIC_BASE_URL host': (m, f) => ingressPolicy(m, f),
};
