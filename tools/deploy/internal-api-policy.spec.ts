/**
 * How the apps reach each other, on the rendered manifests (base and both overlays): the gateway's service URLs,
 * the actor-token keys, Kafka only where it is used, the services' ports closed to all but the gateway. Each check
 * also runs on a deliberately broken variant, built in memory from a good manifest, and must fail there.
 */
import { generateKeyPairSync } from 'node:crypto';
import { codeFacts } from './facts';
import {
  actorTokenKeysPlaced,
  callersReachServices,
  INTERNAL_API_POLICIES,
  internalPortsClosed,
  isKeyPair,
  kafkaWhereUsed,
} from './internal-api-policy';
import type { Container } from './policy';
import { clone, isKind, K8S_BASE, type Kind, type KindOf, Manifest, OVERLAYS, overlayDir, rendered } from './repo';

const facts = codeFacts();
const prod = () => rendered(overlayDir('prod'));
const dev = () => rendered(overlayDir('dev'));

/** A copy of the manifests with `change` applied to the one of that kind whose name (less a hash suffix) is `name`. */
function broken<K extends Kind>(
  manifests: Manifest[],
  kind: K,
  name: string,
  change: (doc: KindOf<K>) => void,
): Manifest[] {
  const copy = clone(manifests);
  const target = copy
    .map((m) => m.doc)
    .find(
      (doc): doc is KindOf<K> =>
        isKind(doc, kind) &&
        (doc.metadata?.name === name || new RegExp(`^${name}-[a-z0-9]{10}$`).test(doc.metadata?.name ?? '')),
    );
  if (!target) throw new Error(`no ${kind} ${name} to break`);
  change(target);
  return copy;
}
/** The first container of a Deployment, which the test knows to be there. */
function container(doc: KindOf<'Deployment'>): Container {
  const found = doc.spec?.template?.spec?.containers?.[0];
  if (!found) throw new Error(`Deployment/${doc.metadata?.name} has no container`);
  return found;
}
/** A variable of that container, which the test knows to be set. */
function env(doc: KindOf<'Deployment'>, name: string): NonNullable<Container['env']>[number] {
  const found = container(doc).env?.find((e) => e.name === name);
  if (!found) throw new Error(`Deployment/${doc.metadata?.name} has no env ${name}`);
  return found;
}

describe.each([K8S_BASE, ...OVERLAYS.map(overlayDir)])('internal API policy on %s', (dir) => {
  it.each(Object.keys(INTERNAL_API_POLICIES))('%s', (policy) => {
    expect(INTERNAL_API_POLICIES[policy](rendered(dir), facts)).toEqual([]);
  });
});

describe('the code facts of the internal API', () => {
  it('the gateway calls the three services, signs the tokens and uses no Kafka; the services check them', () => {
    const gateway = facts.apps.find((a) => a.name === 'gateway')!;
    expect(gateway.calls).toEqual([
      { urlVar: 'SCHEDULING_URL', app: 'scheduling' },
      { urlVar: 'SUBMISSIONS_URL', app: 'submissions' },
      { urlVar: 'NOTIFICATIONS_URL', app: 'notifications' },
    ]);
    expect(gateway).toMatchObject({ signsActorTokens: true, checksActorTokens: false, usesKafka: false });
    for (const name of ['scheduling', 'submissions', 'notifications']) {
      expect(facts.apps.find((a) => a.name === name)).toMatchObject({
        signsActorTokens: false,
        checksActorTokens: true,
        usesKafka: true,
        calls: [],
      });
    }
  });

  it('tells a key pair from two unrelated keys, line breaks written as \\n or not', () => {
    const pair = generateKeyPairSync('ed25519');
    const other = generateKeyPairSync('ed25519');
    const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(isKeyPair(privatePem, publicPem)).toBe(true);
    expect(isKeyPair(privatePem.replace(/\n/g, '\\n'), publicPem.replace(/\n/g, '\\n'))).toBe(true);
    expect(isKeyPair(privatePem, other.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toBe(false);
    expect(isKeyPair('not a key', publicPem)).toBe(false);
  });
});

describe('each internal API check fails on a broken manifest', () => {
  it('a service URL that is missing, names no Service of the service, or another port', () => {
    const missing = broken(prod(), 'Deployment', 'gateway', (d) => {
      container(d).env = container(d).env!.filter((e) => e.name !== 'SUBMISSIONS_URL');
    });
    expect(callersReachServices(missing, facts)).toEqual([
      'Deployment/gateway: SUBMISSIONS_URL is not set (the code would call 127.0.0.1, its own pod)',
    ]);
    const host = broken(prod(), 'Deployment', 'gateway', (d) => {
      env(d, 'SCHEDULING_URL').value = 'http://submissions:3102';
    });
    expect(callersReachServices(host, facts)).toEqual([
      'Deployment/gateway: SCHEDULING_URL=http://submissions:3102: no Service submissions selects the scheduling pods',
    ]);
    const port = broken(prod(), 'Deployment', 'gateway', (d) => {
      env(d, 'NOTIFICATIONS_URL').value = 'http://notifications:3000';
    });
    expect(callersReachServices(port, facts)).toEqual([
      'Deployment/gateway: NOTIFICATIONS_URL=http://notifications:3000: Service notifications has no port 3000',
    ]);
  });

  it('a private key outside the gateway or in plain text, a public key missing, a pair split or mismatched', () => {
    const plain = broken(prod(), 'Deployment', 'gateway', (d) => {
      env(d, 'INTERNAL_AUTH_PRIVATE_KEY').value = 'pem';
      delete env(d, 'INTERNAL_AUTH_PRIVATE_KEY').valueFrom;
    });
    expect(actorTokenKeysPlaced(plain, facts)).toEqual([
      'Deployment/gateway: INTERNAL_AUTH_PRIVATE_KEY comes from a plain value, not a secretKeyRef',
    ]);
    const leaked = broken(prod(), 'Deployment', 'scheduling', (d) => {
      container(d).env!.push({
        name: 'INTERNAL_AUTH_PRIVATE_KEY',
        valueFrom: { secretKeyRef: { name: 'pressconf-gateway', key: 'INTERNAL_AUTH_PRIVATE_KEY' } },
      });
    });
    expect(actorTokenKeysPlaced(leaked, facts)).toEqual([
      'Deployment/scheduling container scheduling: gets INTERNAL_AUTH_PRIVATE_KEY, which only gateway may hold',
    ]);
    const noPublic = broken(prod(), 'Deployment', 'notifications', (d) => {
      container(d).env = container(d).env!.filter((e) => e.name !== 'INTERNAL_AUTH_PUBLIC_KEY');
    });
    expect(actorTokenKeysPlaced(noPublic, facts)).toEqual([
      'Deployment/notifications: INTERNAL_AUTH_PUBLIC_KEY is not set',
    ]);
    const split = broken(prod(), 'Deployment', 'submissions', (d) => {
      env(d, 'INTERNAL_AUTH_PUBLIC_KEY').valueFrom!.secretKeyRef!.name = 'pressconf-submissions-key';
    });
    expect(actorTokenKeysPlaced(split, facts)).toEqual([
      'INTERNAL_AUTH_PUBLIC_KEY comes from Secret pressconf-internal-auth key public-key, Secret pressconf-submissions-key key public-key: one key for every service, rotated at once',
    ]);
    const mismatched = broken(dev(), 'Secret', 'pressconf-internal-auth', (d) => {
      d.data!['public-key'] = Buffer.from(
        generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }),
      ).toString('base64');
    });
    expect(actorTokenKeysPlaced(mismatched, facts)).toEqual([
      expect.stringMatching(
        /^Secret\/pressconf-internal-auth-.*: public-key is not the public key of Secret\/pressconf-gateway-.* INTERNAL_AUTH_PRIVATE_KEY \(every call to notifications would be refused\)$/,
      ),
      expect.stringMatching(/to scheduling would be refused/),
      expect.stringMatching(/to submissions would be refused/),
    ]);
  });

  it('KAFKA_BROKERS given to the gateway, or missing from a service', () => {
    const gateway = broken(prod(), 'Deployment', 'gateway', (d) => {
      container(d).envFrom!.push({
        configMapRef: {
          name: prod().find((m) => /^pressconf-kafka-/.test(m.doc.metadata?.name ?? ''))!.doc.metadata!.name,
        },
      });
    });
    expect(kafkaWhereUsed(gateway, facts)).toEqual([
      'Deployment/gateway: gets KAFKA_BROKERS, but gateway does not use Kafka',
    ]);
    const service = broken(prod(), 'Deployment', 'submissions', (d) => {
      container(d).envFrom = container(d).envFrom!.filter((e) => !/^pressconf-kafka/.test(e.configMapRef?.name ?? ''));
    });
    expect(kafkaWhereUsed(service, facts)).toEqual([
      'Deployment/submissions: no KAFKA_BROKERS, but submissions publishes and consumes events',
    ]);
  });

  it('a service port open to other pods, to everyone, or closed to the gateway; no NetworkPolicy at all', () => {
    const wide = broken(prod(), 'NetworkPolicy', 'scheduling', (d) => {
      d.spec!.ingress![0].from![0].podSelector!.matchLabels = { 'app.kubernetes.io/part-of': 'pressconf' };
    });
    expect(internalPortsClosed(wide, facts)).toEqual([
      expect.stringMatching(
        /^NetworkPolicy\/scheduling: admits Deployment\/jaeger, Deployment\/notifications, Deployment\/scheduling, .*Job\/pressconf-migrate to Deployment\/scheduling port 3101 \(only gateway and the metrics scraper may\)$/,
      ),
    ]);
    const everyone = broken(prod(), 'NetworkPolicy', 'submissions', (d) => {
      delete d.spec!.ingress![0].from;
    });
    expect(internalPortsClosed(everyone, facts)).toEqual([
      'NetworkPolicy/submissions: admits everyone to Deployment/submissions port 3102',
    ]);
    const closed = broken(prod(), 'NetworkPolicy', 'notifications', (d) => {
      d.spec!.ingress![0].from![0].podSelector!.matchLabels!['app.kubernetes.io/name'] = 'gatway';
    });
    expect(internalPortsClosed(closed, facts)).toEqual([
      'Deployment/notifications port 3103: no NetworkPolicy admits gateway (its calls would time out)',
    ]);
    const unscraped = broken(prod(), 'NetworkPolicy', 'notifications', (d) => {
      d.spec!.ingress = d.spec!.ingress!.slice(0, 1);
    });
    expect(internalPortsClosed(unscraped, facts)).toEqual([
      expect.stringMatching(/^Deployment\/notifications port 3103: no NetworkPolicy admits the metrics scraper/),
    ]);
    const none = clone(prod()).filter(
      (m) => !(m.doc.kind === 'NetworkPolicy' && m.doc.metadata?.name === 'scheduling'),
    );
    expect(internalPortsClosed(none, facts)).toEqual([
      'Deployment/scheduling port 3101: no NetworkPolicy limits who reaches its internal API',
    ]);
  });
});
