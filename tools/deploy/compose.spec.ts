/**
 * docker-compose.yml against the compose specification and dclint's rules, then the project's policy (each app built
 * from the one Dockerfile with its name as the build argument APP, the seeding on the same Node.js image, health
 * checks on the right ports, dependencies on health, environment names the code reads, the Kafka broker version of
 * `npm start`, how the apps reach each other). Each check also fails on a deliberately broken variant.
 */
import { generateKeyPairSync } from 'node:crypto';
import { stringify } from 'yaml';
import {
  COMPOSE_FILE,
  composePolicy,
  kafkaVersionOfNpmStart,
  lintComposeFile,
  lintComposeText,
  nodeImageOfDockerfile,
  parseCompose,
  type ComposeFile,
  type ComposeScalar,
  type ComposeService,
} from './compose';
import { codeFacts } from './facts';
import { abs, clone, readText } from './repo';

const facts = codeFacts();
const text = () => readText(COMPOSE_FILE);
const compose = () => parseCompose(text());

/** A service of the compose data, for a test to change. */
function service(data: ComposeFile, name: string): ComposeService {
  const found = data.services?.[name];
  if (!found) throw new Error(`no compose service ${name}`);
  return found;
}

/** A service's environment, which the committed file writes as a map. */
function environment(data: ComposeFile, name: string): Record<string, ComposeScalar> {
  const env = service(data, name).environment;
  if (!env || Array.isArray(env)) throw new Error(`${name}: environment is not a map`);
  return env;
}

/** A service's depends_on, which the committed file writes as a map. */
function dependsOn(data: ComposeFile, name: string): Record<string, { condition?: string } | null> {
  const dependencies = service(data, name).depends_on;
  if (!dependencies || Array.isArray(dependencies)) throw new Error(`${name}: depends_on is not a map`);
  return dependencies;
}

/** The compose text with one service changed (as YAML data: anchors are expanded). */
function brokenText(change: (services: Record<string, ComposeService>) => void): string {
  const data = clone(compose());
  if (!data.services) throw new Error(`${COMPOSE_FILE} has no services`);
  change(data.services);
  return stringify(data);
}

describe('docker-compose.yml', () => {
  it('passes dclint: the compose specification schema and every rule, warnings included', () => {
    expect(lintComposeFile(abs(COMPOSE_FILE))).toEqual([]);
  });

  it('dclint refuses an unknown field (schema validation)', () => {
    const problems = lintComposeText(
      brokenText((s) => {
        s.scheduling.restart_policy = 'always';
      }),
    );
    expect(problems).toEqual([expect.stringMatching(/invalid-schema .*\/services\/scheduling/)]);
  });

  it('dclint refuses an image tagged latest and an unbound published port', () => {
    const problems = lintComposeText(
      brokenText((s) => {
        s.postgres.image = 'postgres:latest';
        s.maildev.ports = ['1080:1080'];
      }),
    );
    expect(problems.join('\n')).toMatch(/service-image-require-explicit-tag/);
    expect(problems.join('\n')).toMatch(/no-unbound-port-interfaces/);
  });

  it('follows the project policy', () => {
    expect(composePolicy(compose(), facts)).toEqual([]);
  });

  it('the policy fails on an app not built from the one Dockerfile as itself, and on another Node.js image', () => {
    const data = clone(compose());
    const build = (name: string) => {
      const found = service(data, name).build;
      if (!found || typeof found === 'string') throw new Error(`${name}: build is not a map`);
      return found;
    };
    build('gateway').args = { APP: 'scheduling' };
    build('notifications').dockerfile = 'apps/notifications/Dockerfile';
    build('scheduling').args = ['APP=scheduling'];
    build('scheduling').target = 'builder';
    delete build('submissions').args;
    service(data, 'seed').image = 'node:20.20.2-bookworm-slim';
    expect(composePolicy(data, facts)).toEqual([
      `seed: image node:20.20.2-bookworm-slim, but the apps run on ${nodeImageOfDockerfile()} (Dockerfile)`,
      'gateway: built with APP=scheduling, not APP=gateway',
      'notifications: not built from Dockerfile with the repository root as context',
      "scheduling: builds the stage builder, not the image (the Dockerfile's final stage)",
      'submissions: built with APP=(not set), not APP=submissions',
    ]);
  });

  it('the policy fails on a wrong health-check port, an unknown variable, a dependency without health', () => {
    const data = clone(compose());
    const healthcheck = service(data, 'submissions').healthcheck!;
    healthcheck.test = ['CMD', 'node', '-e', "fetch('http://127.0.0.1:3101/health/ready')"];
    environment(data, 'scheduling').KAFKA_BROKER = 'kafka:9092';
    dependsOn(data, 'notifications').maildev!.condition = 'service_started';
    delete dependsOn(data, 'gateway').scheduling;
    expect(composePolicy(data, facts)).toEqual([
      'notifications: depends on maildev with condition service_started, not service_healthy',
      'gateway: SCHEDULING_URL points at scheduling, which is not among its depends_on',
      'scheduling: environment KAFKA_BROKER is not read by the code',
      'submissions: healthcheck does not probe http://127.0.0.1:3102/health/ (SUBMISSIONS_PORT)',
    ]);
  });

  it('the policy fails on a wrong service URL, a misplaced or mismatched key, Kafka given to the gateway', () => {
    const data = clone(compose());
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const gateway = environment(data, 'gateway');
    gateway.SUBMISSIONS_URL = 'http://submissions:3101';
    gateway.KAFKA_BROKERS = 'kafka:9092';
    dependsOn(data, 'gateway').kafka = { condition: 'service_healthy' };
    environment(data, 'scheduling').INTERNAL_AUTH_PUBLIC_KEY = other;
    environment(data, 'notifications').INTERNAL_AUTH_PRIVATE_KEY = gateway.INTERNAL_AUTH_PRIVATE_KEY;
    delete environment(data, 'submissions').INTERNAL_AUTH_PUBLIC_KEY;
    expect(composePolicy(data, facts)).toEqual([
      'gateway: SUBMISSIONS_URL is http://submissions:3101, not http://submissions:3102',
      'gateway: KAFKA_BROKERS is set, but gateway does not use Kafka',
      'notifications: holds INTERNAL_AUTH_PRIVATE_KEY, which only gateway may',
      'scheduling: INTERNAL_AUTH_PUBLIC_KEY is not the public key of the INTERNAL_AUTH_PRIVATE_KEY of gateway',
      'submissions: no INTERNAL_AUTH_PUBLIC_KEY (it checks the actor tokens)',
    ]);
  });

  it('the policy fails on a Kafka other than the broker of npm start, and on a service without health check', () => {
    const data = clone(compose());
    service(data, 'kafka').image = 'apache/kafka:3.9.1';
    delete service(data, 'postgres').healthcheck;
    expect(composePolicy(data, facts, kafkaVersionOfNpmStart())).toEqual([
      'postgres: no healthcheck',
      `kafka: image apache/kafka:3.9.1, but npm start runs Kafka ${kafkaVersionOfNpmStart()} (infra/kafka/pom.xml)`,
      'kafka: not a Kafka 4.x broker',
    ]);
  });
});
