/**
 * Least privilege in the deployment (README, "Least privilege"), checked on the rendered manifests against the code:
 * - each service reads its own Secrets, key by key, and only variables its configuration declares; a Secret shared
 *   between services holds public material only (the actor tokens' public key, the Kafka cluster CA);
 * - each service connects to PostgreSQL as its own CloudNativePG managed role, with no attribute beyond LOGIN, which
 *   owns the service's schema (a Database resource) and nothing else, its password from its own Secret;
 * - Kafka admits authenticated clients only, with ACLs; each service is its own KafkaUser, whose ACLs are exactly
 *   what the code does there (kafkaAccessOf(): its topics, the dead letters of what it consumes, what it consumes,
 *   its group), so that a topic or a consumer added to the code without its ACL fails here.
 */
import type { KafkaAccess } from '@pressconf/messaging';
import type { StrimziAclRule } from './crd-types';
import {
  appDeployment,
  byKind,
  type CodeFacts,
  type Container,
  envValue,
  nameOf,
  nsOf,
  type Workload,
  workloads,
} from './policy';
import type { Loose, Manifest } from './repo';

type Problems = string[];

/** Variables whose value is public, which several services may read from one Secret. */
export const PUBLIC_VARIABLES = new Set(['INTERNAL_AUTH_PUBLIC_KEY', 'KAFKA_TLS_CA']);

interface AppContainer {
  app: string;
  where: string;
  workload: Workload;
  container: Container;
}

/** Every container that runs an app: its Deployment's, and its migration in a Job (`--migrate-only`). */
export function appContainers(manifests: Manifest[], facts: CodeFacts): AppContainer[] {
  const apps = new Set(facts.apps.map((a) => a.name));
  return workloads(manifests).flatMap((workload) =>
    [...(workload.podSpec.initContainers ?? []), ...(workload.podSpec.containers ?? [])]
      .filter((c) => apps.has(c.name ?? '') && (workload.kind === 'Deployment' ? workload.name === c.name : true))
      .filter(
        (c) => workload.kind === 'Deployment' || [...(c.command ?? []), ...(c.args ?? [])].includes('--migrate-only'),
      )
      .map((container) => ({
        app: container.name!,
        where: `${workload.kind}/${workload.name} container ${container.name}`,
        workload,
        container,
      })),
  );
}

/** The Secrets a container reads: each secretKeyRef, each Secret loaded whole, each Secret volume of its pod. */
function secretReads(x: AppContainer): Array<{ secret: string; variable?: string; whole: boolean }> {
  const reads: Array<{ secret: string; variable?: string; whole: boolean }> = [];
  for (const e of x.container.env ?? []) {
    const ref = e.valueFrom?.secretKeyRef;
    if (ref?.name) reads.push({ secret: ref.name, variable: e.name, whole: false });
  }
  for (const source of x.container.envFrom ?? []) {
    if (source.secretRef?.name) reads.push({ secret: source.secretRef.name, whole: true });
  }
  const mounted = new Set((x.container.volumeMounts ?? []).map((m) => m.name));
  for (const volume of x.workload.podSpec.volumes ?? []) {
    if (!mounted.has(volume.name)) continue;
    const names = [
      volume.secret?.secretName,
      ...(volume.projected?.sources ?? []).map((source) => source.secret?.name),
    ].filter((name): name is string => !!name);
    for (const secret of names) reads.push({ secret, whole: true });
  }
  return reads;
}

/**
 * Each service reads its own Secrets: every secret variable by its own secretKeyRef (no Secret loaded or mounted
 * whole, so the manifest says what is read), each a variable of that app; no Secret read by two services unless all
 * they read from it is public; a migration reads no Secret its service's Deployment does not.
 */
export function secretsPerService(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  const readers = new Map<string, Map<string, boolean>>(); // Secret → app → reads only public variables
  const containers = appContainers(manifests, facts);
  for (const x of containers) {
    const app = facts.apps.find((a) => a.name === x.app)!;
    for (const read of secretReads(x)) {
      const key = `${x.workload.namespace}/${read.secret}`;
      if (read.whole)
        problems.push(
          `${x.where}: loads or mounts Secret ${read.secret} whole; read each variable with a secretKeyRef`,
        );
      else if (!app.reads.includes(read.variable!))
        problems.push(`${x.where}: gets ${read.variable} from Secret ${read.secret}, which ${app.name} does not read`);
      const byApp = readers.get(key) ?? new Map<string, boolean>();
      byApp.set(x.app, (byApp.get(x.app) ?? true) && !read.whole && PUBLIC_VARIABLES.has(read.variable!));
      readers.set(key, byApp);
    }
  }
  for (const [key, byApp] of readers) {
    if (byApp.size > 1 && [...byApp.values()].some((onlyPublic) => !onlyPublic))
      problems.push(
        `Secret ${key.split('/')[1]} is read by ${[...byApp.keys()].sort().join(', ')}: each service needs a Secret of its own (only ${[...PUBLIC_VARIABLES].join(', ')} may be shared)`,
      );
  }
  for (const x of containers.filter((c) => c.workload.kind !== 'Deployment')) {
    const deployment = containers.find((c) => c.workload.kind === 'Deployment' && c.app === x.app);
    const allowed = new Set(deployment ? secretReads(deployment).map((r) => r.secret) : []);
    for (const read of secretReads(x))
      if (!allowed.has(read.secret))
        problems.push(`${x.where}: reads Secret ${read.secret}, which Deployment/${x.app} does not`);
  }
  return problems;
}

// ----------------------------------------------------------------------------------------------------------------
// PostgreSQL

const FORBIDDEN_ROLE_ATTRIBUTES = ['superuser', 'createdb', 'createrole', 'replication', 'bypassrls'] as const;

/**
 * Each service with a database, in its Deployment and its migration, connects as its own managed role: DATABASE_URL
 * names the role on a Cluster's read-write Service, with no password in it; DATABASE_PASSWORD comes from the role's
 * passwordSecret (`password`); the role may log in and nothing more; a Database resource gives the service's schema
 * (named after it) to the role, and no other schema. Where the Secret is in the manifests (dev), it is basic-auth and
 * names the role.
 */
export function databaseRolePerService(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  const roleOfApp = new Map<string, string>();
  const databaseApps = new Set(facts.apps.filter((a) => a.hasDatabase).map((a) => a.name));
  for (const x of appContainers(manifests, facts).filter((c) => databaseApps.has(c.app))) {
    const raw = envValue(manifests, x.workload, x.container, 'DATABASE_URL');
    const url = raw && URL.canParse(raw) ? new URL(raw) : undefined;
    if (!url) {
      problems.push(`${x.where}: DATABASE_URL is not a plain URL naming the service's role`);
      continue;
    }
    const role = decodeURIComponent(url.username);
    if (url.password)
      problems.push(`${x.where}: DATABASE_URL holds a password; give it as DATABASE_PASSWORD from a Secret`);
    const cluster = byKind(manifests, 'Cluster').find(
      (c) => nsOf(c) === x.workload.namespace && url.hostname.split('.')[0] === `${nameOf(c)}-rw`,
    );
    if (!cluster) {
      problems.push(`${x.where}: DATABASE_URL host ${url.hostname} is no CloudNativePG Cluster's read-write Service`);
      continue;
    }
    const declared = (cluster.spec?.managed?.roles ?? []).find((r) => r.name === role);
    if (!declared) {
      problems.push(
        `${x.where}: connects as ${role || '(no user)'}, which is no managed role of Cluster/${nameOf(cluster)}`,
      );
      continue;
    }
    const other = [...roleOfApp].find(([app, r]) => r === role && app !== x.app);
    if (other) problems.push(`${x.where}: connects as ${role}, the role of ${other[0]}`);
    roleOfApp.set(x.app, role);
    if (declared.login !== true || declared.ensure === 'absent')
      problems.push(`Cluster/${nameOf(cluster)}: role ${role} cannot log in`);
    for (const attribute of FORBIDDEN_ROLE_ATTRIBUTES)
      if (declared[attribute]) problems.push(`Cluster/${nameOf(cluster)}: role ${role} has ${attribute}`);
    if ((declared.inRoles ?? []).length > 0)
      problems.push(`Cluster/${nameOf(cluster)}: role ${role} is a member of ${declared.inRoles!.join(', ')}`);
    const password = (x.container.env ?? []).find((e) => e.name === 'DATABASE_PASSWORD')?.valueFrom?.secretKeyRef;
    if (!password || password.name !== declared.passwordSecret?.name || password.key !== 'password')
      problems.push(
        `${x.where}: DATABASE_PASSWORD does not come from Secret ${declared.passwordSecret?.name ?? '(none: the role has no passwordSecret)'} key password`,
      );
    const secret = byKind(manifests, 'Secret').find(
      (s) => nameOf(s) === declared.passwordSecret?.name && nsOf(s) === x.workload.namespace,
    );
    const username =
      secret && (secret.stringData?.username ?? Buffer.from(secret.data?.username ?? '', 'base64').toString());
    if (secret && (secret.type !== 'kubernetes.io/basic-auth' || username !== role))
      problems.push(`Secret/${nameOf(secret)}: not a kubernetes.io/basic-auth Secret of the user ${role}`);
    const database = decodeURIComponent(url.pathname.slice(1));
    const declaredDb = byKind(manifests, 'Database').find(
      (d) => d.spec?.cluster?.name === nameOf(cluster) && d.spec?.name === database && nsOf(d) === nsOf(cluster),
    );
    const owned = (declaredDb?.spec?.schemas ?? []).filter(
      (schema) => schema.owner === role && schema.ensure !== 'absent',
    );
    if (!owned.some((schema) => schema.name === x.app))
      problems.push(`${x.where}: no Database resource gives the schema ${x.app} of ${database} to ${role}`);
    else
      for (const schema of owned.filter((o) => o.name !== x.app))
        problems.push(`Database/${nameOf(declaredDb!)}: ${role} owns the schema ${schema.name} too`);
  }
  return [...new Set(problems)]; // a Deployment and its migration share their role: say each problem of it once
}

// ----------------------------------------------------------------------------------------------------------------
// Kafka

/** An ACL as one comparable line: `Write topic scheduling.conference.v1`. */
const aclLines = (access: KafkaAccess): string[] => [
  ...access.writes.map((topic) => `Write topic ${topic}`),
  ...access.reads.map((topic) => `Read topic ${topic}`),
  `Read group ${access.group}`,
];

function granted(rule: Loose<StrimziAclRule>): string[] {
  const resource = rule.resource ?? {};
  const name = 'name' in resource ? resource.name : undefined;
  const literal =
    !('patternType' in resource) || resource.patternType === undefined || resource.patternType === 'literal';
  const target = resource.type === 'cluster' ? 'cluster' : `${resource.type} ${name}${literal ? '' : '* (prefix)'}`;
  if (rule.type === 'deny') return [];
  return (rule.operations ?? []).map((operation) => `${operation} ${target}`);
}

/**
 * Every Kafka listener authenticates, with simple authorization and the User Operator; each service that uses Kafka
 * logs in (SCRAM-SHA-512) as a KafkaUser of its own, its password from that user's Secret, over TLS checked against
 * the cluster CA when the listener is TLS; that user's ACLs are exactly what kafkaAccessOf() says; no KafkaUser
 * belongs to nobody.
 */
export function kafkaUserPerService(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  const kafkas = byKind(manifests, 'Kafka');
  for (const kafka of kafkas) {
    for (const listener of kafka.spec?.kafka?.listeners ?? [])
      if (!listener.authentication?.type)
        problems.push(`Kafka/${nameOf(kafka)}: listener ${listener.name} lets clients in without authentication`);
    if (kafka.spec?.kafka?.authorization?.type !== 'simple')
      problems.push(`Kafka/${nameOf(kafka)}: no simple authorization (the KafkaUsers' ACLs would not apply)`);
    if (!kafka.spec?.entityOperator?.userOperator)
      problems.push(`Kafka/${nameOf(kafka)}: no User Operator (nothing would turn the KafkaUsers into credentials)`);
  }
  const users = byKind(manifests, 'KafkaUser');
  const used = new Set<string>();
  for (const app of facts.apps.filter((a) => a.usesKafka)) {
    const w = appDeployment(manifests, app.name);
    const c = w?.podSpec.containers?.find((x) => x.name === app.name);
    if (!w || !c) continue;
    const where = `Deployment/${app.name}`;
    const value = (name: string) => envValue(manifests, w, c, name);
    const secretRef = (name: string) => (c.env ?? []).find((e) => e.name === name)?.valueFrom?.secretKeyRef;
    if (value('KAFKA_SASL_MECHANISM') !== 'scram-sha-512')
      problems.push(
        `${where}: KAFKA_SASL_MECHANISM is ${value('KAFKA_SASL_MECHANISM') ?? 'not set'}, not scram-sha-512`,
      );
    const username = value('KAFKA_SASL_USERNAME');
    const user = users.find((u) => nameOf(u) === username && nsOf(u) === w.namespace);
    if (!user) {
      problems.push(`${where}: KAFKA_SASL_USERNAME ${username ?? '(not set)'} is no KafkaUser`);
      continue;
    }
    if (used.has(nameOf(user))) {
      problems.push(`${where}: logs in as KafkaUser ${nameOf(user)}, which another service does`);
      continue;
    }
    used.add(nameOf(user));
    const password = secretRef('KAFKA_SASL_PASSWORD');
    if (password?.name !== nameOf(user) || password?.key !== 'password')
      problems.push(`${where}: KAFKA_SASL_PASSWORD does not come from Secret ${nameOf(user)} key password`);
    if (user.spec?.authentication?.type !== 'scram-sha-512')
      problems.push(`KafkaUser/${nameOf(user)}: authentication is not scram-sha-512`);
    const kafka = kafkas.find(
      (k) => nameOf(k) === user.metadata?.labels?.['strimzi.io/cluster'] && nsOf(k) === nsOf(user),
    );
    const port = Number((value('KAFKA_BROKERS') ?? '').split(',')[0].split(':')[1]);
    const listener = kafka?.spec?.kafka?.listeners?.find((l) => l.port === port);
    if (!kafka || !listener)
      problems.push(
        `${where}: KAFKA_BROKERS port ${port} is no listener of the Kafka cluster of KafkaUser/${nameOf(user)}`,
      );
    else if (listener.tls) {
      const ca = secretRef('KAFKA_TLS_CA');
      if (ca?.name !== `${nameOf(kafka)}-cluster-ca-cert` || ca?.key !== 'ca.crt')
        problems.push(`${where}: KAFKA_TLS_CA does not come from Secret ${nameOf(kafka)}-cluster-ca-cert key ca.crt`);
    }
    if (user.spec?.authorization?.type !== 'simple') {
      problems.push(`KafkaUser/${nameOf(user)}: no simple authorization (no ACLs)`);
      continue;
    }
    const expected = new Set(aclLines(facts.kafkaAccess[app.name]));
    const actual = new Set((user.spec.authorization.acls ?? []).flatMap(granted));
    for (const line of expected)
      if (!actual.has(line))
        problems.push(`KafkaUser/${nameOf(user)}: no ${line} (${app.name} needs it: kafkaAccessOf)`);
    for (const line of actual)
      if (!expected.has(line))
        problems.push(`KafkaUser/${nameOf(user)}: allows ${line}, which ${app.name} does not need`);
  }
  for (const user of users)
    if (!used.has(nameOf(user))) problems.push(`KafkaUser/${nameOf(user)}: no service logs in as it`);
  return problems;
}

/** These checks by name, run beside POLICIES on every rendered set. */
export const LEAST_PRIVILEGE_POLICIES: Record<string, (manifests: Manifest[], facts: CodeFacts) => Problems> = {
  'each service reads its own Secrets, and only variables it declares': secretsPerService,
  'each service is its own database role, owning its schema only': databaseRolePerService,
  'each service is its own KafkaUser, with the ACLs of what its code does': kafkaUserPerService,
};
