/**
 * Checks of docker-compose.yml: the compose specification and best-practice rules (dclint, the Docker Compose
 * linter, which validates against the compose-spec JSON schema first), then the project's own policy.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DCLinter } from 'dclint';
import { parse } from 'yaml';
import { APP_ARG, baseImageOf, DOCKERFILE } from './dockerfile';
import { isKeyPair, PRIVATE_KEY_VAR, PUBLIC_KEY_VAR } from './internal-api-policy';
import type { CodeFacts } from './policy';
import { appImageName, unpinnedImage } from './policy';
import { abs, readText } from './repo';

export const COMPOSE_FILE = 'docker-compose.yml';

/** A value of a compose `environment` map. */
export type ComposeScalar = string | number | boolean | null;

/** A compose service, as the policy reads it (the compose specification's names; any field may be missing). */
export interface ComposeService {
  image?: string;
  build?: string | ComposeBuild;
  restart?: string | boolean;
  healthcheck?: { test?: string | string[] };
  depends_on?: string[] | Record<string, { condition?: string } | null>;
  environment?: string[] | Record<string, ComposeScalar>;
  ports?: unknown[];
  [field: string]: unknown;
}

/** A service's `build` section. */
export interface ComposeBuild {
  context?: string;
  dockerfile?: string;
  args?: string[] | Record<string, ComposeScalar>;
  target?: string;
  [field: string]: unknown;
}

/** A compose file as data. */
export interface ComposeFile {
  services?: Record<string, ComposeService>;
  [field: string]: unknown;
}

const HEALTHY_CONDITIONS: ReadonlyArray<string | undefined> = ['service_healthy', 'service_completed_successfully'];

/**
 * dclint on a compose file: every rule at its default level, and warnings count as problems too (the committed
 * file has none). Returns `<line>: <rule>: <message>` per problem.
 */
export function lintComposeFile(file: string): string[] {
  const linter = new DCLinter({ rules: {}, quiet: true, debug: false, exclude: [] });
  return linter
    .lintFiles([file], false)
    .flatMap((result) => result.messages.map((m) => `${m.line}: ${m.rule} (${m.type}): ${m.message}`));
}

/** dclint on compose text (written to a temporary docker-compose.yml, since dclint lints files). */
export function lintComposeText(text: string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'pressconf-compose-'));
  try {
    const file = path.join(dir, 'docker-compose.yml');
    writeFileSync(file, text);
    return lintComposeFile(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The compose file as data, with YAML merge keys (<<) applied, as Compose reads it. */
export function parseCompose(text: string): ComposeFile {
  return parse(text, { merge: true }) as ComposeFile;
}

/** `${NAME:-default}` → default, `${NAME}` → '': the value Compose uses when the variable is not set. */
export function withoutInterpolation(value: ComposeScalar | undefined): string {
  return String(value ?? '').replace(
    /\$\{[A-Z0-9_]+(?::?-([^}]*))?\}/g,
    (_, fallback: string | undefined) => fallback ?? '',
  );
}

function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const [key, ...rest] = String(entry).split('=');
        return [key, rest.join('=')];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, withoutInterpolation(v)]));
}

const healthcheckText = (service: ComposeService): string =>
  [service.healthcheck?.test ?? []].flat().map(String).join(' ');

/** The compose services a configuration value points at (`kafka:9092`, `smtp://maildev:1025`, `@postgres:5432`). */
function servicesNamedIn(value: string, serviceNames: string[]): string[] {
  return serviceNames.filter((name) => new RegExp(`(^|[/@,])${name.replace(/[.-]/g, '\\$&')}:\\d+`).test(value));
}

/** The build arguments of a service (`args` as a map or as a list of NAME=value). */
function buildArgsOf(build: ComposeBuild): Record<string, string> {
  const args = build.args ?? {};
  if (Array.isArray(args)) {
    return Object.fromEntries(
      args.map((entry) => {
        const [key, ...rest] = String(entry).split('=');
        return [key, rest.join('=')];
      }),
    );
  }
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, withoutInterpolation(v)]));
}

/** The Node.js image the Dockerfile builds the apps on. */
export function nodeImageOfDockerfile(): string {
  const image = baseImageOf(readText(DOCKERFILE));
  if (!image) throw new Error(`${DOCKERFILE}: no base image`);
  return image;
}

export function kafkaVersionOfNpmStart(): string {
  const pom = readFileSync(abs('infra/kafka/pom.xml'), 'utf8');
  const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1];
  if (!version) throw new Error('infra/kafka/pom.xml: no <kafka.version>');
  return version;
}

/**
 * The project's rules for the compose file:
 * - each app is built from the one Dockerfile with the repository root as context and the app as the build argument
 *   APP (no target: the image is the final stage), tagged with an explicit version, health-checked on its own port;
 * - its environment holds only names the code reads, and every service its configuration points at (Kafka,
 *   PostgreSQL, the mail catcher, other apps) is a dependency with `condition: service_healthy`;
 * - every long-running service has a health check, every image is pinned, and a service that runs on the node
 *   image (the demo seeding) runs on the Dockerfile's;
 * - Kafka is the official apache/kafka image of the broker version `npm start` runs, in KRaft mode, with topic
 *   auto-creation off; the gateway is published on its port;
 * - the apps reach each other as internalApiPolicy says.
 */
export function composePolicy(
  compose: ComposeFile,
  facts: CodeFacts,
  kafkaVersion = kafkaVersionOfNpmStart(),
  nodeImage = nodeImageOfDockerfile(),
): string[] {
  const problems: string[] = [];
  const services: Record<string, ComposeService> = compose.services ?? {};
  const names = Object.keys(services);
  for (const [name, service] of Object.entries(services)) {
    const why = unpinnedImage(service.image);
    if (why) problems.push(`${name}: image ${why}`);
    const image = String(service.image ?? '');
    if (/^(docker\.io\/(library\/)?)?node:/.test(image) && image !== nodeImage)
      problems.push(`${name}: image ${image}, but the apps run on ${nodeImage} (${DOCKERFILE})`);
    const oneShot = service.restart === 'no' || service.restart === false;
    if (!oneShot && !service.healthcheck) problems.push(`${name}: no healthcheck`);
    const dependsOn = service.depends_on ?? {};
    if (Array.isArray(dependsOn)) {
      problems.push(`${name}: depends_on without conditions (use condition: service_healthy)`);
    } else {
      for (const [dependency, spec] of Object.entries(dependsOn)) {
        if (!names.includes(dependency)) problems.push(`${name}: depends on unknown service ${dependency}`);
        if (!HEALTHY_CONDITIONS.includes(spec?.condition)) {
          problems.push(`${name}: depends on ${dependency} with condition ${spec?.condition}, not service_healthy`);
        }
      }
    }
  }
  for (const app of facts.apps) {
    const service = services[app.name];
    if (!service) {
      problems.push(`no compose service for the app ${app.name}`);
      continue;
    }
    const env = environmentOf(service);
    const port = Number(env[app.portVar] ?? app.defaultPort);
    if (!service.build) problems.push(`${app.name}: not built (no build section)`);
    else {
      const build: ComposeBuild = typeof service.build === 'string' ? { context: service.build } : service.build;
      const dockerfile = (build.dockerfile ?? DOCKERFILE).replace(/^\.\//, '');
      if (dockerfile !== DOCKERFILE || !['.', './'].includes(build.context ?? '.'))
        problems.push(`${app.name}: not built from ${DOCKERFILE} with the repository root as context`);
      const appArg = buildArgsOf(build)[APP_ARG];
      if (appArg !== app.name)
        problems.push(`${app.name}: built with ${APP_ARG}=${appArg ?? '(not set)'}, not ${APP_ARG}=${app.name}`);
      if (build.target !== undefined)
        problems.push(`${app.name}: builds the stage ${build.target}, not the image (the Dockerfile's final stage)`);
    }
    if (!String(service.image ?? '').startsWith(`${appImageName(app.name)}:`))
      problems.push(`${app.name}: image is not ${appImageName(app.name)}:<version>`);
    if (!healthcheckText(service).includes(`http://127.0.0.1:${port}/health/`)) {
      problems.push(`${app.name}: healthcheck does not probe http://127.0.0.1:${port}/health/ (${app.portVar})`);
    }
    for (const variable of Object.keys(env)) {
      if (!facts.envNames.has(variable)) problems.push(`${app.name}: environment ${variable} is not read by the code`);
    }
    const dependencies = Object.keys(Array.isArray(service.depends_on) ? {} : (service.depends_on ?? {}));
    for (const [variable, value] of Object.entries(env)) {
      for (const target of servicesNamedIn(value, names).filter((n) => n !== app.name)) {
        if (!dependencies.includes(target))
          problems.push(`${app.name}: ${variable} points at ${target}, which is not among its depends_on`);
      }
    }
    if (app.name === 'gateway') {
      const published = (service.ports ?? []).map((p: unknown) => String(p).split(':').pop());
      if (!published.includes(String(port))) problems.push(`gateway: container port ${port} is not published`);
    }
  }
  problems.push(...internalApiPolicy(services, facts));
  const kafkaEntry = Object.entries(services).find(([, s]) => String(s.image ?? '').startsWith('apache/kafka:'));
  if (!kafkaEntry) {
    problems.push('no Kafka service from the official apache/kafka image');
  } else {
    const [name, kafka] = kafkaEntry;
    const env = environmentOf(kafka);
    if (kafka.image !== `apache/kafka:${kafkaVersion}`)
      problems.push(`${name}: image ${kafka.image}, but npm start runs Kafka ${kafkaVersion} (infra/kafka/pom.xml)`);
    if (!/^4\./.test(String(kafka.image).split(':')[1] ?? '')) problems.push(`${name}: not a Kafka 4.x broker`);
    const roles = String(env.KAFKA_PROCESS_ROLES ?? '').split(',');
    if (!(roles.includes('broker') && roles.includes('controller')))
      problems.push(`${name}: not a KRaft broker+controller (KAFKA_PROCESS_ROLES)`);
    if (env.KAFKA_AUTO_CREATE_TOPICS_ENABLE !== 'false') problems.push(`${name}: topic auto-creation must be off`);
    if (!String(env.KAFKA_ADVERTISED_LISTENERS ?? '').includes(`//${name}:`))
      problems.push(`${name}: does not advertise itself as ${name} on the compose network`);
  }
  return problems;
}

/**
 * A caller's <APP>_URL names the target's compose service on its port; only the app that signs actor tokens holds
 * the private key, and each app that checks them holds its public key (a mismatch would refuse every call, and the
 * defaults here are a committed pair); KAFKA_BROKERS goes to the apps that use Kafka and to no other.
 */
function internalApiPolicy(services: Record<string, ComposeService>, facts: CodeFacts): string[] {
  const problems: string[] = [];
  const envOf = (app: string): Record<string, string> => (services[app] ? environmentOf(services[app]) : {});
  const signer = facts.apps.find((a) => a.signsActorTokens);
  const privateKey = signer ? envOf(signer.name)[PRIVATE_KEY_VAR] : undefined;
  for (const app of facts.apps.filter((a) => services[a.name])) {
    const env = envOf(app.name);
    for (const call of app.calls) {
      const target = facts.apps.find((a) => a.name === call.app)!;
      const expected = `http://${target.name}:${envOf(target.name)[target.portVar] ?? target.defaultPort}`;
      if (env[call.urlVar] !== expected)
        problems.push(`${app.name}: ${call.urlVar} is ${env[call.urlVar] || 'not set'}, not ${expected}`);
    }
    if (app.signsActorTokens && !env[PRIVATE_KEY_VAR])
      problems.push(`${app.name}: no ${PRIVATE_KEY_VAR} (it signs the actor tokens)`);
    if (!app.signsActorTokens && env[PRIVATE_KEY_VAR] !== undefined)
      problems.push(`${app.name}: holds ${PRIVATE_KEY_VAR}, which only ${signer?.name} may`);
    if (app.checksActorTokens && !env[PUBLIC_KEY_VAR])
      problems.push(`${app.name}: no ${PUBLIC_KEY_VAR} (it checks the actor tokens)`);
    else if (app.checksActorTokens && privateKey && !isKeyPair(privateKey, env[PUBLIC_KEY_VAR])) {
      problems.push(
        `${app.name}: ${PUBLIC_KEY_VAR} is not the public key of the ${PRIVATE_KEY_VAR} of ${signer!.name}`,
      );
    }
    const hasKafka = env.KAFKA_BROKERS !== undefined;
    if (app.usesKafka && !hasKafka)
      problems.push(`${app.name}: no KAFKA_BROKERS, but it publishes and consumes events`);
    if (!app.usesKafka && hasKafka)
      problems.push(`${app.name}: KAFKA_BROKERS is set, but ${app.name} does not use Kafka`);
  }
  return problems;
}
