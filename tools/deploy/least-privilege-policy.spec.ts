/**
 * Least privilege in the manifests (base and both overlays): each service its own Secrets, database role and Kafka
 * user, with the ACLs its code needs. Each check also runs on a deliberately broken variant, built in memory from a
 * good manifest, and must fail there.
 */
import { SUBSCRIPTIONS, type ServiceName } from '@pressconf/contracts';
import { consumedTopicsInCode } from './code-facts';
import { codeFacts } from './facts';
import {
  databaseRolePerService,
  kafkaUserPerService,
  LEAST_PRIVILEGE_POLICIES,
  secretsPerService,
} from './least-privilege-policy';
import type { CodeFacts, Container } from './policy';
import { clone, isKind, K8S_BASE, type Kind, type KindOf, Manifest, OVERLAYS, overlayDir, rendered } from './repo';

const facts = codeFacts();
const prod = () => rendered(overlayDir('prod'));
const dev = () => rendered(overlayDir('dev'));

/** A copy of the manifests with `change` applied to the one of that kind and name (less a hash suffix). */
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
/** A container of a Deployment or Job, by name. */
function container(doc: KindOf<'Deployment' | 'Job'>, name: string): Container {
  const found = doc.spec?.template?.spec?.containers?.find((c) => c.name === name);
  if (!found) throw new Error(`${doc.kind}/${doc.metadata?.name} has no container ${name}`);
  return found;
}
/** A variable of that container, which the test knows to be set. */
function env(c: Container, name: string): NonNullable<Container['env']>[number] {
  const found = c.env?.find((e) => e.name === name);
  if (!found) throw new Error(`container ${c.name} has no env ${name}`);
  return found;
}

describe.each([K8S_BASE, ...OVERLAYS.map(overlayDir)])('least privilege on %s', (dir) => {
  it.each(Object.keys(LEAST_PRIVILEGE_POLICIES))('%s', (policy) => {
    expect(LEAST_PRIVILEGE_POLICIES[policy](rendered(dir), facts)).toEqual([]);
  });
});

describe('the code facts of Kafka access', () => {
  it('SUBSCRIPTIONS (what the ACLs and the topics made at start follow) are the topics of the handlers', () => {
    for (const app of facts.apps.filter((a) => a.usesKafka))
      expect([app.name, consumedTopicsInCode(app.name)]).toEqual([
        app.name,
        [...SUBSCRIPTIONS[app.name as ServiceName]].sort(),
      ]);
    expect(consumedTopicsInCode('gateway')).toEqual([]);
  });
});

describe('each least-privilege check fails on a broken manifest', () => {
  it('a Secret of one service read by another, loaded whole, or read by a migration only', () => {
    const stolen = broken(prod(), 'Deployment', 'notifications', (d) => {
      container(d, 'notifications').env!.push({
        name: 'GATEWAY_ADMIN_API_KEY',
        valueFrom: { secretKeyRef: { name: 'pressconf-gateway', key: 'GATEWAY_ADMIN_API_KEY' } },
      });
    });
    expect(secretsPerService(stolen, facts)).toEqual([
      'Deployment/notifications container notifications: gets GATEWAY_ADMIN_API_KEY from Secret pressconf-gateway, which notifications does not read',
      expect.stringMatching(
        /^Secret pressconf-gateway is read by gateway, notifications: each service needs a Secret of its own/,
      ),
    ]);
    const whole = broken(prod(), 'Deployment', 'scheduling', (d) => {
      container(d, 'scheduling').envFrom!.push({ secretRef: { name: 'pressconf-notifications' } });
    });
    expect(secretsPerService(whole, facts)).toEqual([
      'Deployment/scheduling container scheduling: loads or mounts Secret pressconf-notifications whole; read each variable with a secretKeyRef',
      expect.stringMatching(/^Secret pressconf-notifications is read by notifications, scheduling:/),
    ]);
    const migration = broken(prod(), 'Job', 'pressconf-migrate', (d) => {
      env(container(d, 'scheduling'), 'DATABASE_PASSWORD').valueFrom!.secretKeyRef!.name = 'pressconf-pg-gateway';
    });
    expect(secretsPerService(migration, facts)).toEqual([
      expect.stringMatching(/^Secret pressconf-pg-gateway is read by gateway, scheduling:/),
      'Job/pressconf-migrate container scheduling: reads Secret pressconf-pg-gateway, which Deployment/scheduling does not',
    ]);
  });

  it('a service as the database owner or another service’s role, a role with more than LOGIN, a schema given away', () => {
    const owner = broken(prod(), 'Deployment', 'scheduling', (d) => {
      env(container(d, 'scheduling'), 'DATABASE_URL').value = 'postgres://pressconf@pressconf-pg-rw:5432/pressconf';
    });
    expect(databaseRolePerService(owner, facts)).toEqual([
      'Deployment/scheduling container scheduling: connects as pressconf, which is no managed role of Cluster/pressconf-pg',
    ]);
    const shared = broken(prod(), 'Deployment', 'submissions', (d) => {
      const c = container(d, 'submissions');
      env(c, 'DATABASE_URL').value = 'postgres://pressconf_scheduling@pressconf-pg-rw:5432/pressconf';
      env(c, 'DATABASE_PASSWORD').valueFrom!.secretKeyRef!.name = 'pressconf-pg-scheduling';
    });
    expect(databaseRolePerService(shared, facts)).toEqual([
      'Deployment/submissions container submissions: connects as pressconf_scheduling, the role of scheduling',
      'Deployment/submissions container submissions: no Database resource gives the schema submissions of pressconf to pressconf_scheduling',
      'Job/pressconf-migrate container scheduling: connects as pressconf_scheduling, the role of submissions',
    ]);
    const mighty = broken(prod(), 'Cluster', 'pressconf-pg', (d) => {
      const role = d.spec!.managed!.roles!.find((r) => r.name === 'pressconf_notifications')!;
      role.superuser = true;
      role.inRoles = ['pg_read_all_data'];
    });
    expect(databaseRolePerService(mighty, facts)).toEqual([
      'Cluster/pressconf-pg: role pressconf_notifications has superuser',
      'Cluster/pressconf-pg: role pressconf_notifications is a member of pg_read_all_data',
    ]);
    const givenAway = broken(prod(), 'Database', 'pressconf', (d) => {
      d.spec!.schemas!.find((s) => s.name === 'gateway')!.owner = 'pressconf_submissions';
    });
    expect(databaseRolePerService(givenAway, facts)).toEqual([
      'Deployment/gateway container gateway: no Database resource gives the schema gateway of pressconf to pressconf_gateway',
      'Database/pressconf: pressconf_submissions owns the schema gateway too',
      'Job/pressconf-migrate container gateway: no Database resource gives the schema gateway of pressconf to pressconf_gateway',
    ]);
  });

  it('a database password in the URL or from another Secret; a dev Secret of another user', () => {
    const inUrl = broken(prod(), 'Deployment', 'gateway', (d) => {
      const c = container(d, 'gateway');
      env(c, 'DATABASE_URL').value = 'postgres://pressconf_gateway:pw@pressconf-pg-rw:5432/pressconf';
      env(c, 'DATABASE_PASSWORD').valueFrom!.secretKeyRef!.key = 'username';
    });
    expect(databaseRolePerService(inUrl, facts)).toEqual([
      'Deployment/gateway container gateway: DATABASE_URL holds a password; give it as DATABASE_PASSWORD from a Secret',
      'Deployment/gateway container gateway: DATABASE_PASSWORD does not come from Secret pressconf-pg-gateway key password',
    ]);
    const devSecret = broken(dev(), 'Secret', 'pressconf-pg-submissions', (d) => {
      d.data!.username = Buffer.from('pressconf').toString('base64');
    });
    expect(databaseRolePerService(devSecret, facts)).toEqual([
      'Secret/pressconf-pg-submissions: not a kubernetes.io/basic-auth Secret of the user pressconf_submissions',
    ]);
  });

  it('an ACL missing for a topic the code gained, an ACL too wide, a user shared or of nobody', () => {
    const access = facts.kafkaAccess.scheduling;
    const newTopic: CodeFacts = {
      ...facts,
      kafkaAccess: {
        ...facts.kafkaAccess,
        scheduling: { ...access, writes: [...access.writes, 'scheduling.agenda.v1'] },
      },
    };
    expect(kafkaUserPerService(prod(), newTopic)).toEqual([
      'KafkaUser/scheduling: no Write topic scheduling.agenda.v1 (scheduling needs it: kafkaAccessOf)',
    ]);
    const wide = broken(prod(), 'KafkaUser', 'submissions', (d) => {
      const authorization = d.spec!.authorization!;
      authorization.acls = [
        ...authorization.acls!.filter(
          (rule) =>
            !(rule.resource && 'name' in rule.resource && rule.resource.name === 'scheduling.conference.v1.dlq'),
        ),
        { resource: { type: 'topic', name: 'notifications.', patternType: 'prefix' }, operations: ['Read'] },
        { resource: { type: 'cluster' }, operations: ['Create'] },
      ];
    });
    expect(kafkaUserPerService(wide, facts)).toEqual([
      'KafkaUser/submissions: no Write topic scheduling.conference.v1.dlq (submissions needs it: kafkaAccessOf)',
      'KafkaUser/submissions: allows Read topic notifications.* (prefix), which submissions does not need',
      'KafkaUser/submissions: allows Create cluster, which submissions does not need',
    ]);
    const sharedUser = broken(prod(), 'Deployment', 'submissions', (d) => {
      const c = container(d, 'submissions');
      env(c, 'KAFKA_SASL_USERNAME').value = 'notifications';
      env(c, 'KAFKA_SASL_PASSWORD').valueFrom!.secretKeyRef!.name = 'notifications';
    });
    expect(kafkaUserPerService(sharedUser, facts)).toEqual([
      'Deployment/submissions: logs in as KafkaUser notifications, which another service does',
      'KafkaUser/submissions: no service logs in as it',
    ]);
  });

  it('a listener without authentication, a cluster without authorization, a client without TLS or SCRAM', () => {
    const open = broken(prod(), 'Kafka', 'pressconf', (d) => {
      delete d.spec!.kafka!.listeners![0].authentication;
      delete d.spec!.kafka!.authorization;
    });
    expect(kafkaUserPerService(open, facts)).toEqual([
      'Kafka/pressconf: listener tls lets clients in without authentication',
      "Kafka/pressconf: no simple authorization (the KafkaUsers' ACLs would not apply)",
    ]);
    const client = broken(prod(), 'Deployment', 'notifications', (d) => {
      const c = container(d, 'notifications');
      c.env = c.env!.filter((e) => e.name !== 'KAFKA_TLS_CA');
      c.env.push({ name: 'KAFKA_SASL_MECHANISM', value: 'none' });
    });
    expect(kafkaUserPerService(client, facts)).toEqual([
      'Deployment/notifications: KAFKA_SASL_MECHANISM is none, not scram-sha-512',
      'Deployment/notifications: KAFKA_TLS_CA does not come from Secret pressconf-cluster-ca-cert key ca.crt',
    ]);
  });
});
