/**
 * Policy checks on how the apps reach each other (the gateway calls each service's internal HTTP API; Kafka carries
 * events only), against facts read from the code (code-facts.ts: who calls whom through which variable, who signs
 * and who checks actor tokens, who uses Kafka). Each returns the problems it finds, empty when the manifests comply.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { AppFacts } from './code-facts';
import type { ILabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { ISecretKeySelector } from 'kubernetes-models/v1/SecretKeySelector';
import {
  appDeployment,
  byKind,
  CodeFacts,
  configMapData,
  Container,
  DeploymentWorkload,
  envValue,
  matches,
  nameOf,
  nsOf,
  secretKeys,
  Workload,
  workloads,
} from './policy';
import type { Loose, Manifest } from './repo';

type Problems = string[];

export const PRIVATE_KEY_VAR = 'INTERNAL_AUTH_PRIVATE_KEY';
export const PUBLIC_KEY_VAR = 'INTERNAL_AUTH_PUBLIC_KEY';
/** The pods that scrape /metrics (the prometheus.io annotations): the one peer besides the callers on a service port. */
export const METRICS_SCRAPER_LABEL = { key: 'app.kubernetes.io/name', value: 'prometheus' } as const;

/** PEM as the code reads it: a deployment may write its line breaks as `\n` (libs/messaging actor-token.ts). */
const pem = (value: string): string => value.replace(/\\n/g, '\n');

/** True when `publicPem` is the public key of `privatePem`: a mismatched pair would only show as 401 on every call. */
export function isKeyPair(privatePem: string, publicPem: string): boolean {
  try {
    const derived = createPublicKey(createPrivateKey(pem(privatePem))).export({ type: 'spki', format: 'der' });
    return derived.equals(createPublicKey(pem(publicPem)).export({ type: 'spki', format: 'der' }));
  } catch {
    return false;
  }
}

type SecretKeyRef = Loose<ISecretKeySelector>;

const appContainer = (w: Workload | undefined, app: string): Container | undefined =>
  w?.podSpec.containers?.find((c) => c.name === app);

/** Where a container's variable comes from: its Secret key when a secretKeyRef, else only how; undefined when unset. */
export function envSource(
  manifests: Manifest[],
  w: Workload,
  c: Container,
  name: string,
): { how: string; secret?: SecretKeyRef } | undefined {
  const direct = (c.env ?? []).find((e) => e.name === name);
  if (direct?.valueFrom?.secretKeyRef) return { how: 'secretKeyRef', secret: direct.valueFrom.secretKeyRef };
  if (direct) return { how: direct.valueFrom ? 'valueFrom' : 'a plain value' };
  for (const source of c.envFrom ?? []) {
    const prefix = source.prefix ?? '';
    if (!name.startsWith(prefix)) continue;
    const keys = source.configMapRef
      ? Object.keys(configMapData(manifests, source.configMapRef.name, w.namespace) ?? {})
      : (secretKeys(manifests, source.secretRef?.name, w.namespace) ?? []);
    if (keys.includes(name.slice(prefix.length))) return { how: 'envFrom' };
  }
  return undefined;
}

/** The caller's <APP>_URL names the target's Service (same namespace) on one of its ports. */
export function callersReachServices(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  for (const caller of facts.apps) {
    const w = appDeployment(manifests, caller.name);
    const c = appContainer(w, caller.name);
    if (!w || !c) continue; // portsAgree reports a missing Deployment
    for (const call of caller.calls) {
      const where = `Deployment/${caller.name}: ${call.urlVar}`;
      const value = envValue(manifests, w, c, call.urlVar);
      if (value === undefined) {
        problems.push(`${where} is not set (the code would call 127.0.0.1, its own pod)`);
        continue;
      }
      const url = URL.canParse(value) ? new URL(value) : undefined;
      const service = byKind(manifests, 'Service').find((s) => nameOf(s) === url?.hostname && nsOf(s) === w.namespace);
      const target = appDeployment(manifests, call.app);
      if (!url || url.protocol !== 'http:') problems.push(`${where}=${value} is not an http:// URL`);
      else if (!service || !target || !matches(service.spec?.selector, target.podLabels))
        problems.push(`${where}=${value}: no Service ${url.hostname} selects the ${call.app} pods`);
      else if (!(service.spec?.ports ?? []).some((p) => p.port === Number(url.port || 80)))
        problems.push(`${where}=${value}: Service ${url.hostname} has no port ${url.port || 80}`);
    }
  }
  return problems;
}

/**
 * The app that signs actor tokens gets the private key from a Secret, and no other container gets it; every app
 * that checks them gets the public key from one same Secret key (one key for all, rotated together), and where both
 * Secrets are in the manifests (dev) that public key is the private key's.
 */
export function actorTokenKeysPlaced(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  const signers = facts.apps.filter((a) => a.signsActorTokens).map((a) => a.name);
  const refs: Array<{ app: string; variable: string; ref: SecretKeyRef; namespace: string }> = [];
  for (const app of facts.apps) {
    const w = appDeployment(manifests, app.name);
    const c = appContainer(w, app.name);
    if (!w || !c) continue;
    const needs = [app.signsActorTokens && PRIVATE_KEY_VAR, app.checksActorTokens && PUBLIC_KEY_VAR].filter(
      (v): v is string => !!v,
    );
    for (const variable of needs) {
      const source = envSource(manifests, w, c, variable);
      if (source?.secret) refs.push({ app: app.name, variable, ref: source.secret, namespace: w.namespace });
      else
        problems.push(
          `Deployment/${app.name}: ${variable} ${source ? `comes from ${source.how}, not a secretKeyRef` : 'is not set'}`,
        );
    }
  }
  for (const w of workloads(manifests)) {
    for (const c of [...(w.podSpec.initContainers ?? []), ...(w.podSpec.containers ?? [])]) {
      const isSigner = w.kind === 'Deployment' && w.name === c.name && signers.includes(c.name);
      if (!isSigner && envSource(manifests, w, c, PRIVATE_KEY_VAR)) {
        problems.push(
          `${w.kind}/${w.name} container ${c.name}: gets ${PRIVATE_KEY_VAR}, which only ${signers.join(', ') || 'no app'} may hold`,
        );
      }
    }
  }
  const publicRefs = refs.filter((r) => r.variable === PUBLIC_KEY_VAR);
  const publicKeys = new Set(publicRefs.map((r) => `Secret ${r.ref.name} key ${r.ref.key}`));
  if (publicKeys.size > 1)
    problems.push(
      `${PUBLIC_KEY_VAR} comes from ${[...publicKeys].join(', ')}: one key for every service, rotated at once`,
    );
  const privateRef = refs.find((r) => r.variable === PRIVATE_KEY_VAR);
  if (privateRef) problems.push(...pairProblems(manifests, privateRef, publicRefs));
  return problems;
}

function pairProblems(
  manifests: Manifest[],
  privateRef: { ref: SecretKeyRef; namespace: string },
  publicRefs: Array<{ app: string; ref: SecretKeyRef; namespace: string }>,
): Problems {
  const problems: Problems = [];
  const valueOf = (ref: SecretKeyRef, namespace: string): string | undefined => {
    const secret = byKind(manifests, 'Secret').find((s) => nameOf(s) === ref.name && nsOf(s) === namespace);
    if (!secret) return undefined; // created out of band (prod): only Secrets of the manifests (dev) can be read
    return (
      secret.stringData?.[ref.key ?? ''] ?? Buffer.from(secret.data?.[ref.key ?? ''] ?? '', 'base64').toString('utf8')
    );
  };
  const privateKey = valueOf(privateRef.ref, privateRef.namespace);
  for (const r of publicRefs) {
    const publicKey = valueOf(r.ref, r.namespace);
    if (privateKey === undefined || publicKey === undefined) continue;
    if (!isKeyPair(privateKey, publicKey)) {
      problems.push(
        `Secret/${r.ref.name}: ${r.ref.key} is not the public key of Secret/${privateRef.ref.name} ${privateRef.ref.key} (every call to ${r.app} would be refused)`,
      );
    }
  }
  return problems;
}

/** KAFKA_BROKERS goes to the apps that use Kafka and to no other (the gateway talks HTTP only). */
export function kafkaWhereUsed(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  for (const app of facts.apps) {
    const w = appDeployment(manifests, app.name);
    const c = appContainer(w, app.name);
    if (!w || !c) continue;
    const has = envValue(manifests, w, c, 'KAFKA_BROKERS') !== undefined;
    if (app.usesKafka && !has)
      problems.push(`Deployment/${app.name}: no KAFKA_BROKERS, but ${app.name} publishes and consumes events`);
    if (!app.usesKafka && has)
      problems.push(`Deployment/${app.name}: gets KAFKA_BROKERS, but ${app.name} does not use Kafka`);
  }
  return problems;
}

const selectsAll = (selector: Loose<ILabelSelector> | undefined): boolean =>
  !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);

const isScraper = (peer: Loose<INetworkPolicyPeer>): boolean =>
  !peer.ipBlock && peer.podSelector?.matchLabels?.[METRICS_SCRAPER_LABEL.key] === METRICS_SCRAPER_LABEL.value;

/**
 * A port that serves an internal API is closed by NetworkPolicy to everything but its callers' pods (same
 * namespace, selected by labels that no other pod has) and the metrics scraper; both are let in.
 */
export function internalPortsClosed(manifests: Manifest[], facts: CodeFacts): Problems {
  const problems: Problems = [];
  const policies = byKind(manifests, 'NetworkPolicy');
  for (const target of facts.apps.filter((a) =>
    facts.apps.some((caller) => caller.calls.some((call) => call.app === a.name)),
  )) {
    const w = appDeployment(manifests, target.name);
    const c = appContainer(w, target.name);
    if (!w || !c) continue;
    const port = Number(envValue(manifests, w, c, target.portVar) ?? target.defaultPort);
    const portName = (c.ports ?? []).find((p) => p.containerPort === port)?.name;
    const where = `Deployment/${target.name} port ${port}`;
    const mine = policies.filter(
      (p) =>
        nsOf(p) === w.namespace &&
        (p.spec?.policyTypes ?? ['Ingress']).includes('Ingress') &&
        (selectsAll(p.spec?.podSelector) || matches(p.spec?.podSelector?.matchLabels, w.podLabels)),
    );
    if (mine.length === 0) {
      problems.push(`${where}: no NetworkPolicy limits who reaches its internal API`);
      continue;
    }
    const callers: AppFacts[] = facts.apps.filter((a) => a.calls.some((call) => call.app === target.name));
    const callerPods = callers.map((a) => appDeployment(manifests, a.name)).filter((x): x is DeploymentWorkload => !!x);
    const isCaller = (x: Workload) =>
      callerPods.some((p) => p.kind === x.kind && p.name === x.name && p.namespace === x.namespace);
    const others = workloads(manifests).filter((x) => x.namespace === w.namespace && !isCaller(x));
    let callerAdmitted = false;
    let scraperAdmitted = false;
    for (const policy of mine) {
      const rules = (policy.spec?.ingress ?? []).filter(
        (rule) =>
          !rule.ports?.length || rule.ports.some((p) => p.port === undefined || p.port === port || p.port === portName),
      );
      for (const rule of rules) {
        if (!rule.from?.length) {
          problems.push(`NetworkPolicy/${nameOf(policy)}: admits everyone to ${where}`);
          callerAdmitted = scraperAdmitted = true;
        }
        for (const peer of rule.from ?? []) {
          if (isScraper(peer)) {
            scraperAdmitted = true;
            continue;
          }
          const selects = (x: Workload) =>
            selectsAll(peer.podSelector) || matches(peer.podSelector?.matchLabels, x.podLabels);
          if (callerPods.some(selects)) callerAdmitted = true;
          const strays = others.filter(selects);
          if (peer.ipBlock || peer.namespaceSelector || strays.length > 0) {
            const who = peer.ipBlock
              ? 'an ipBlock'
              : peer.namespaceSelector
                ? 'pods of other namespaces'
                : strays.map((x) => `${x.kind}/${x.name}`).join(', ');
            problems.push(
              `NetworkPolicy/${nameOf(policy)}: admits ${who} to ${where} (only ${callers.map((a) => a.name).join(', ')} and the metrics scraper may)`,
            );
          }
        }
      }
    }
    if (!callerAdmitted)
      problems.push(
        `${where}: no NetworkPolicy admits ${callers.map((a) => a.name).join(', ')} (its calls would time out)`,
      );
    if (!scraperAdmitted && w.podAnnotations['prometheus.io/scrape'] === 'true') {
      problems.push(
        `${where}: no NetworkPolicy admits the metrics scraper (${METRICS_SCRAPER_LABEL.key}=${METRICS_SCRAPER_LABEL.value}), yet the pods ask to be scraped`,
      );
    }
  }
  return problems;
}

/** These checks by name, run beside POLICIES on every rendered set. */
export const INTERNAL_API_POLICIES: Record<string, (manifests: Manifest[], facts: CodeFacts) => Problems> = {
  'the gateway reaches each service through its Service': callersReachServices,
  'actor-token keys: private in the gateway only, one pair from one Secret': actorTokenKeysPlaced,
  'KAFKA_BROKERS only where Kafka is used': kafkaWhereUsed,
  'internal API ports admit only the gateway and the metrics scraper': internalPortsClosed,
};
