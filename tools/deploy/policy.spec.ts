/**
 * Policy checks on the rendered manifests (base and every overlay: dev, prod and each province's), against facts read
 * from the code: probes and limits, pinned images, each app's own image, selectors, ports, environment names, pod
 * security, Kafka topics (allTopics()), scaling, migrations, database connections, the Ingress. Each check also runs
 * on a deliberately broken variant, built in memory from a good manifest, and must fail there.
 */
import { appNames, supportsMigrateOnly } from './code-facts';
import { codeFacts } from './facts';
import {
  appImages,
  databaseConnectionsFit,
  envNamesKnown,
  imageRepository,
  imagesPinned,
  ingressPolicy,
  migrationsCoverDatabases,
  podSecurity,
  POLICIES,
  portsAgree,
  probesAndResources,
  referencesResolve,
  scalingFitsPartitions,
  selectorsMatch,
  topicsMatchCode,
  unpinnedImage,
  type Container,
} from './policy';
import {
  clone,
  isKind,
  K8S_BASE,
  type Kind,
  type KindOf,
  type KubeObject,
  Manifest,
  overlayDir,
  PROVINCES,
  rendered,
} from './repo';

/**
 * Secrets that the people running the cluster create (docs/operations.md), per rendered set: one per service with
 * what it reads, and each service's database password. The dev overlay generates its own; those the operators write
 * (CloudNativePG's `<cluster>-app`, Strimzi's KafkaUser and cluster CA Secrets) are recognised by the check itself.
 */
const OUT_OF_BAND_SECRETS = [
  'pressconf-gateway',
  'pressconf-notifications',
  'pressconf-internal-auth',
  ...['gateway', 'scheduling', 'submissions', 'notifications'].map((app) => `pressconf-pg-${app}`),
];
const PROVIDED_SECRETS: Record<string, string[]> = {
  [K8S_BASE]: OUT_OF_BAND_SECRETS,
  [overlayDir('dev')]: [],
  [overlayDir('prod')]: OUT_OF_BAND_SECRETS,
  // Each province's overlay: the operators create the same Secrets in the province's namespace.
  ...Object.fromEntries(PROVINCES.map((id) => [overlayDir(id), OUT_OF_BAND_SECRETS])),
};
const SETS = Object.keys(PROVIDED_SECRETS);

const facts = codeFacts();
const prod = () => rendered(overlayDir('prod'));
const dev = () => rendered(overlayDir('dev'));

/**
 * A copy of the manifests with `change` applied to the first one of that kind (and name, when given; a generated
 * ConfigMap or Secret is named without its hash suffix).
 */
function broken<K extends Kind>(
  manifests: Manifest[],
  kind: K,
  change: (doc: KindOf<K>) => void,
  name?: string,
): Manifest[] {
  const copy = clone(manifests);
  const named = (doc: KubeObject) =>
    name === undefined ||
    doc.metadata?.name === name ||
    new RegExp(`^${name}-[a-z0-9]{10}$`).test(doc.metadata?.name ?? '');
  const target = copy.map((m) => m.doc).find((doc): doc is KindOf<K> => isKind(doc, kind) && named(doc));
  if (!target) throw new Error(`no ${kind} ${name ?? ''} to break`);
  change(target);
  return copy;
}
/** A container of a Deployment's or Job's pod template, which the test knows to be there. */
function container(doc: KindOf<'Deployment' | 'Job'>, index = 0): Container {
  const found = doc.spec?.template?.spec?.containers?.[index];
  if (!found) throw new Error(`${doc.kind}/${doc.metadata?.name} has no container ${index}`);
  return found;
}

describe.each(SETS)('policy on %s', (dir) => {
  it.each(Object.keys(POLICIES))('%s', (policy) => {
    expect(POLICIES[policy](rendered(dir), facts, PROVIDED_SECRETS[dir])).toEqual([]);
  });
});

describe('the code facts the policies compare with', () => {
  it('finds every app, its port variable and its database', () => {
    expect(facts.apps.map((a) => a.name)).toEqual(appNames());
    expect(facts.apps.find((a) => a.name === 'gateway')).toMatchObject({ portVar: 'GATEWAY_PORT', defaultPort: 3000 });
    expect(facts.apps.filter((a) => a.hasDatabase).length).toBeGreaterThan(0);
    for (const name of [
      'DATABASE_URL',
      'KAFKA_BROKERS',
      'SMTP_URL',
      'MAIL_FROM',
      'GATEWAY_ADMIN_API_KEY',
      'PUBLIC_BASE_URL',
      'TZ_DISPLAY',
    ]) {
      expect(facts.envNames).toContain(name);
    }
  });

  it('every app with a database runs `node main.js --migrate-only` (what the migration Job calls)', () => {
    const missing = facts.apps.filter((a) => a.hasDatabase && !supportsMigrateOnly(a.name)).map((a) => a.name);
    expect(missing).toEqual([]);
  });
});

describe('each policy fails on a broken manifest', () => {
  it('a Deployment without probes, a container without limits', () => {
    const noProbes = broken(
      dev(),
      'Deployment',
      (d) => {
        delete container(d).livenessProbe;
        delete container(d).readinessProbe;
      },
      'scheduling',
    );
    expect(probesAndResources(noProbes, facts)).toEqual([
      'Deployment/scheduling container scheduling: no livenessProbe',
      'Deployment/scheduling container scheduling: no readinessProbe',
    ]);
    const noLimits = broken(dev(), 'Job', (d) => {
      delete container(d).resources!.limits;
    });
    expect(probesAndResources(noLimits, facts)).toEqual([
      expect.stringMatching(/Job\/pressconf-migrate container .*: no resources.limits.cpu/),
      expect.stringMatching(/Job\/pressconf-migrate container .*: no resources.limits.memory/),
    ]);
    const wrongPath = broken(
      dev(),
      'Deployment',
      (d) => {
        container(d).readinessProbe!.httpGet!.path = '/health/live';
      },
      'gateway',
    );
    expect(probesAndResources(wrongPath, facts)).toEqual([
      'Deployment/gateway container gateway: readinessProbe must GET /health/ready',
    ]);
  });

  it('an image tagged latest, an untagged image, a floating PostgreSQL image', () => {
    expect(unpinnedImage('registry.local:5000/pressconf/gateway')).toMatch(/no tag/);
    expect(unpinnedImage('pressconf/gateway@sha256:' + 'a'.repeat(64))).toBeUndefined();
    const latest = broken(
      prod(),
      'Deployment',
      (d) => {
        container(d).image = 'pressconf/gateway:latest';
      },
      'gateway',
    );
    expect(imagesPinned(latest)).toEqual([
      'Deployment/gateway container gateway: pressconf/gateway:latest uses the tag latest',
    ]);
    const untagged = broken(prod(), 'Job', (d) => {
      container(d).image = 'pressconf/scheduling';
    });
    expect(imagesPinned(untagged)).toEqual([
      expect.stringMatching(/Job\/pressconf-migrate container .*: pressconf\/scheduling has no tag/),
    ]);
    const postgres = broken(prod(), 'Cluster', (d) => {
      d.spec!.imageName = 'ghcr.io/cloudnative-pg/postgresql';
    });
    expect(imagesPinned(postgres)).toEqual([
      expect.stringMatching(/Cluster\/pressconf-pg: spec.imageName: .* has no tag/),
    ]);
  });

  it('an app that runs the image of another app', () => {
    expect(imageRepository('registry.local:5000/pressconf/gateway:0.1.0')).toBe(
      'registry.local:5000/pressconf/gateway',
    );
    expect(imageRepository('pressconf/gateway@sha256:' + 'a'.repeat(64))).toBe('pressconf/gateway');
    const swapped = broken(
      prod(),
      'Deployment',
      (d) => {
        container(d).image = 'pressconf/scheduling:0.1.0';
      },
      'gateway',
    );
    expect(appImages(swapped, facts)).toEqual([
      'Deployment/gateway container gateway: runs pressconf/scheduling:0.1.0, not the image built with APP=gateway (pressconf/gateway)',
    ]);
    const registry = broken(
      prod(),
      'Deployment',
      (d) => {
        container(d).image = 'registry.example:5000/pressconf/gateway:0.1.0';
      },
      'gateway',
    );
    expect(appImages(registry, facts)).toEqual([]);
  });

  it('a Service selector that matches no pod, a targetPort the pods do not have, a dangling HPA', () => {
    const selector = broken(
      prod(),
      'Service',
      (d) => {
        d.spec!.selector!['app.kubernetes.io/name'] = 'schedulling';
      },
      'scheduling',
    );
    expect(selectorsMatch(selector)).toEqual([
      expect.stringMatching(/^Service\/scheduling: selector .* matches no pod template/),
    ]);
    const targetPort = broken(
      prod(),
      'Service',
      (d) => {
        d.spec!.ports![0].targetPort = 'metrics';
      },
      'gateway',
    );
    expect(selectorsMatch(targetPort)).toEqual([
      'Service/gateway port http: targetPort metrics is no container port of Deployment/gateway',
    ]);
    const hpa = broken(
      prod(),
      'HorizontalPodAutoscaler',
      (d) => {
        d.spec!.scaleTargetRef!.name = 'gateway-v2';
      },
      'gateway',
    );
    expect(selectorsMatch(hpa)).toEqual([
      'HorizontalPodAutoscaler/gateway: scaleTargetRef Deployment/gateway-v2 does not exist',
    ]);
    const podLabels = broken(
      prod(),
      'Deployment',
      (d) => {
        d.spec!.template!.metadata!.labels!['app.kubernetes.io/name'] = 'notification';
      },
      'notifications',
    );
    expect(selectorsMatch(podLabels)).toEqual(
      expect.arrayContaining([
        'Deployment/notifications: spec.selector.matchLabels does not match its pod template labels',
        expect.stringMatching(/^Service\/notifications: selector/),
        'PodDisruptionBudget/notifications: selector matches no pod template',
      ]),
    );
  });

  it('a reference to a Secret or ConfigMap that nobody creates', () => {
    const secret = broken(
      prod(),
      'Deployment',
      (d) => {
        container(d).env!.find((e) => e.name === 'DATABASE_PASSWORD')!.valueFrom!.secretKeyRef!.name =
          'pressconf-pg-gatway';
      },
      'gateway',
    );
    expect(referencesResolve(secret, PROVIDED_SECRETS[overlayDir('prod')])).toEqual([
      'Deployment/gateway container gateway: env DATABASE_PASSWORD: Secret pressconf-pg-gatway does not exist',
    ]);
    const kafkaUser = broken(
      prod(),
      'Deployment',
      (d) => {
        container(d).env!.find((e) => e.name === 'KAFKA_SASL_PASSWORD')!.valueFrom!.secretKeyRef!.name = 'schedulling';
      },
      'scheduling',
    );
    expect(referencesResolve(kafkaUser, PROVIDED_SECRETS[overlayDir('prod')])).toEqual([
      'Deployment/scheduling container scheduling: env KAFKA_SASL_PASSWORD: Secret schedulling does not exist',
    ]);
    const configMap = broken(
      prod(),
      'Deployment',
      (d) => {
        container(d).envFrom![0].configMapRef!.name = 'pressconf-config';
      },
      'gateway',
    );
    expect(referencesResolve(configMap, PROVIDED_SECRETS[overlayDir('prod')])).toEqual([
      'Deployment/gateway container gateway: ConfigMap pressconf-config does not exist',
    ]);
  });

  it('a container port that is not the service env port, a probe on another port', () => {
    const containerPort = broken(
      prod(),
      'Deployment',
      (d) => {
        container(d).ports![0].containerPort = 8080;
      },
      'submissions',
    );
    expect(portsAgree(containerPort, facts)).toEqual(
      expect.arrayContaining(['Deployment/submissions (listens on SUBMISSIONS_PORT=3102): no containerPort 3102']),
    );
    const probe = broken(
      prod(),
      'Deployment',
      (d) => {
        container(d).livenessProbe!.httpGet!.port = 9090;
      },
      'gateway',
    );
    expect(portsAgree(probe, facts)).toEqual([
      'Deployment/gateway (listens on GATEWAY_PORT=3000): livenessProbe port 9090 is not 3000',
    ]);
    const envPort = broken(
      prod(),
      'ConfigMap',
      (d) => {
        d.data!.NOTIFICATIONS_PORT = '3203';
      },
      'pressconf-config',
    );
    expect(portsAgree(envPort, facts)).toEqual(
      expect.arrayContaining([
        'Deployment/notifications (listens on NOTIFICATIONS_PORT=3203): no containerPort 3203',
        'Deployment/notifications (listens on NOTIFICATIONS_PORT=3203): prometheus.io/port is 3103, not 3203',
      ]),
    );
  });

  it('a ConfigMap or Secret key or env name that the code does not read', () => {
    const configMap = broken(
      dev(),
      'ConfigMap',
      (d) => {
        d.data!.KAFKA_BROKER = d.data!.KAFKA_BROKERS;
      },
      'pressconf-kafka',
    );
    expect(envNamesKnown(configMap, facts)).toEqual([
      expect.stringMatching(/^ConfigMap\/pressconf-kafka-.*: KAFKA_BROKER is not read by the code/),
    ]);
    // A Secret loaded whole (envFrom), with a key no app reads.
    const withKey = broken(
      dev(),
      'Secret',
      (d) => {
        d.data!.SMTP_PASSWORD = d.data!.SMTP_URL;
      },
      'pressconf-notifications',
    );
    const secretName = withKey.find(
      (m) => m.doc.kind === 'Secret' && /^pressconf-notifications-/.test(m.doc.metadata?.name ?? ''),
    )!.doc.metadata!.name!;
    const secret = broken(
      withKey,
      'Deployment',
      (d) => {
        container(d).envFrom!.push({ secretRef: { name: secretName } });
      },
      'notifications',
    );
    expect(envNamesKnown(secret, facts)).toEqual([
      expect.stringMatching(/^Secret\/pressconf-notifications-.*: SMTP_PASSWORD is not read by the code/),
    ]);
    const env = broken(
      dev(),
      'Deployment',
      (d) => {
        container(d).env!.push({ name: 'DB_URL', value: 'postgres://x' });
      },
      'scheduling',
    );
    expect(envNamesKnown(env, facts)).toEqual([
      'Deployment/scheduling container scheduling: env DB_URL is not read by the code',
    ]);
  });

  it('a pod running as root, with a writable root filesystem, with Service links', () => {
    const root = broken(
      dev(),
      'Deployment',
      (d) => {
        const pod = d.spec!.template!.spec!;
        pod.securityContext!.runAsNonRoot = false;
        delete pod.securityContext!.runAsUser;
        container(d).securityContext!.readOnlyRootFilesystem = false;
        delete pod.enableServiceLinks;
      },
      'gateway',
    );
    expect(podSecurity(root)).toEqual([
      'Deployment/gateway: securityContext.runAsNonRoot is not true',
      'Deployment/gateway: enableServiceLinks is not false',
      expect.stringMatching(/container gateway: no numeric non-root runAsUser/),
      'Deployment/gateway container gateway: readOnlyRootFilesystem is not true',
    ]);
  });

  it('a wrong topic name, a wrong partition count, a missing or leftover topic, replicas that disagree', () => {
    const renamed = broken(
      prod(),
      'KafkaTopic',
      (d) => {
        d.spec!.topicName = 'scheduling.conferences.v1';
        d.metadata!.name = 'scheduling.conferences.v1';
      },
      'scheduling.conference.v1',
    );
    expect(topicsMatchCode(renamed, facts)).toEqual([
      'topic scheduling.conference.v1 (allTopics()) has no KafkaTopic',
      'KafkaTopic scheduling.conferences.v1 is not a topic of the code (allTopics())',
    ]);
    const partitions = broken(
      prod(),
      'KafkaTopic',
      (d) => {
        d.spec!.partitions = 12;
      },
      'notifications.invitation.v1',
    );
    expect(topicsMatchCode(partitions, facts)).toEqual([
      'KafkaTopic notifications.invitation.v1: 12 partitions, the code says 6',
    ]);
    const missing = clone(prod()).filter((m) => m.doc.metadata?.name !== 'submissions.brief-request.v1.dlq');
    expect(topicsMatchCode(missing, facts)).toEqual([
      'topic submissions.brief-request.v1.dlq (allTopics()) has no KafkaTopic',
    ]);
    const leftover = clone(prod().find((m) => m.doc.kind === 'KafkaTopic')!); // a request/reply topic of old
    if (!isKind(leftover.doc, 'KafkaTopic')) throw new Error('not a KafkaTopic');
    leftover.doc.metadata!.name = leftover.doc.spec!.topicName = 'scheduling.rpc.conference.call.reply';
    expect(topicsMatchCode([...prod(), leftover], facts)).toEqual([
      'KafkaTopic scheduling.rpc.conference.call.reply is not a topic of the code (allTopics())',
    ]);
    const replicas = broken(
      prod(),
      'ConfigMap',
      (d) => {
        d.data!.KAFKA_REPLICATION_FACTOR = '2';
      },
      'pressconf-kafka',
    );
    const replicaProblems = topicsMatchCode(replicas, facts);
    expect(replicaProblems.filter((p) => /replicas 3, but KAFKA_REPLICATION_FACTOR is 2$/.test(p))).toHaveLength(
      facts.topics.length,
    );
    expect(replicaProblems).toContain(
      'Kafka/pressconf: min.insync.replicas 2 leaves no room for a broker down (replication 2)',
    );
    const brokers = broken(prod(), 'KafkaNodePool', (d) => {
      d.spec!.replicas = 2;
    });
    expect(topicsMatchCode(brokers, facts)).toEqual(
      expect.arrayContaining([
        'KafkaTopic scheduling.incident.v1: replicas 3 > 2 broker(s)',
        'Kafka/pressconf: default.replication.factor 3 > 2 broker(s)',
      ]),
    );
  });

  it('a consumer scaled beyond the event partitions (not the gateway: it uses no Kafka), replicas fixed beside an HPA, no PDB', () => {
    const gateway = broken(
      prod(),
      'HorizontalPodAutoscaler',
      (d) => {
        d.spec!.maxReplicas = 10;
      },
      'gateway',
    );
    expect(scalingFitsPartitions(gateway, facts)).toEqual([]);
    const service = broken(
      prod(),
      'HorizontalPodAutoscaler',
      (d) => {
        d.spec!.maxReplicas = 10;
      },
      'scheduling',
    );
    expect(scalingFitsPartitions(service, facts)).toEqual([
      'HorizontalPodAutoscaler/scheduling: maxReplicas 10 > 6 partitions of an event topic',
    ]);
    const fixed = broken(
      prod(),
      'Deployment',
      (d) => {
        d.spec!.replicas = 2;
      },
      'submissions',
    );
    expect(scalingFitsPartitions(fixed, facts)).toEqual([
      'Deployment/submissions: sets spec.replicas although an HPA manages it',
    ]);
    const noPdb = clone(prod()).filter(
      (m) => !(m.doc.kind === 'PodDisruptionBudget' && m.doc.metadata?.name === 'notifications'),
    );
    expect(scalingFitsPartitions(noPdb, facts)).toEqual(['Deployment/notifications: no PodDisruptionBudget']);
  });

  it('a migration Job that misses a service with a database, or runs another image', () => {
    const missing = broken(prod(), 'Job', (d) => {
      const pod = d.spec!.template!.spec!;
      pod.containers = pod.containers!.filter((c) => c.name !== 'submissions');
    });
    expect(migrationsCoverDatabases(missing, facts)).toEqual([
      'submissions has a database, but no Job runs its migrations',
    ]);
    const image = broken(prod(), 'Job', (d) => {
      const c = d.spec!.template!.spec!.containers!.find((x) => x.name === 'notifications');
      c!.image = 'pressconf/notifications:0.0.9';
    });
    expect(migrationsCoverDatabases(image, facts)).toEqual([
      'the migration of notifications runs pressconf/notifications:0.0.9, its Deployment pressconf/notifications:0.1.0',
    ]);
  });

  it('PostgreSQL with fewer connections than the services may open', () => {
    const small = broken(prod(), 'Cluster', (d) => {
      d.spec!.postgresql!.parameters!.max_connections = '100';
    });
    expect(databaseConnectionsFit(small, facts)).toEqual([
      expect.stringMatching(/^Cluster\/pressconf-pg: max_connections allows 97 connections, the services may open \d+/),
    ]);
  });

  it('an Ingress that publishes everything, /internal or a service, or another host than PUBLIC_BASE_URL', () => {
    const everything = broken(prod(), 'Ingress', (d) => {
      const paths = d.spec!.rules![0].http!.paths!;
      paths.push({ path: '/', pathType: 'Prefix', backend: paths[0].backend });
    });
    expect(ingressPolicy(everything, facts)).toEqual([
      'Ingress/gateway: publishes / (internal endpoints must stay internal)',
    ]);
    const internal = broken(prod(), 'Ingress', (d) => {
      d.spec!.rules![0].http!.paths!.push({
        path: '/internal',
        pathType: 'Prefix',
        backend: { service: { name: 'scheduling', port: { number: 3101 } } },
      });
    });
    expect(ingressPolicy(internal, facts)).toEqual([
      'Ingress/gateway: publishes /internal (internal endpoints must stay internal)',
      'Ingress/gateway /internal: routes to scheduling, whose port serves its internal API',
    ]);
    const service = broken(prod(), 'Ingress', (d) => {
      d.spec!.rules![0].http!.paths![0].backend = { service: { name: 'submissions', port: { number: 3102 } } };
    });
    expect(ingressPolicy(service, facts)).toEqual([
      'Ingress/gateway /api: routes to submissions, whose port serves its internal API',
    ]);
    const host = broken(
      prod(),
      'ConfigMap',
      (d) => {
        d.data!.PUBLIC_BASE_URL = 'https://hoinghi.daklak.gov.vn';
      },
      'pressconf-config',
    );
    expect(ingressPolicy(host, facts)).toEqual([
      expect.stringMatching(/host hoinghi.daklak.gov.vn is not an Ingress host/),
      expect.stringMatching(/is https, but the Ingress has no TLS for hoinghi.daklak.gov.vn/),
    ]);
  });
});
