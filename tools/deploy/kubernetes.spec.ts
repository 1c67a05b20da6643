/**
 * The Kubernetes manifests render and are valid against the Kubernetes API schemas, unknown fields refused:
 * the committed base files, the rendered base and each rendered overlay (`kubectl kustomize`, no cluster needed).
 * Each check also runs on a deliberately broken variant, built in memory from a good manifest, and must fail there.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { schemaProblems } from './k8s-schema';
import {
  abs,
  allManifestSets,
  clone,
  K8S_BASE,
  KubeObject,
  kustomize,
  Manifest,
  OVERLAYS,
  overlayDir,
  rendered,
} from './repo';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The object at a path of a manifest, as a plain tree: these tests break manifests in ways their API types do not
 * allow (a misspelt field, a wrong type), which is what the schema check must find.
 */
function at(doc: KubeObject, ...path: Array<string | number>): Record<string, unknown> {
  let node: unknown = doc;
  for (const step of path) node = isObject(node) ? node[step] : undefined;
  if (!isObject(node)) throw new Error(`${doc.kind}/${doc.metadata?.name}: no object at /${path.join('/')}`);
  return node;
}

/** A copy of the manifests with `change` applied to the first one of that kind. */
function broken(manifests: Manifest[], kind: string, change: (doc: KubeObject) => void): Manifest[] {
  const copy = clone(manifests);
  const target = copy.find((m) => m.doc.kind === kind);
  if (!target) throw new Error(`no ${kind} to break`);
  change(target.doc);
  return copy;
}

describe('kustomize overlays render', () => {
  it.each([K8S_BASE, ...OVERLAYS.map(overlayDir)])('%s renders', (dir) => {
    const kinds = new Set(rendered(dir).map((m) => m.doc.kind));
    for (const kind of [
      'Deployment',
      'Service',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'Job',
      'Ingress',
      'ConfigMap',
      'Kafka',
      'KafkaNodePool',
      'KafkaTopic',
      'Cluster',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('each overlay puts everything into its own namespace', () => {
    for (const overlay of OVERLAYS) {
      const namespaces = new Set(
        rendered(overlayDir(overlay))
          .filter((m) => m.doc.kind !== 'Namespace')
          .map((m) => m.doc.metadata?.namespace),
      );
      expect(namespaces.size).toBe(1);
      expect([...namespaces][0]).toMatch(/^pressconf/);
    }
  });

  it('a broken overlay (a patch of a resource that does not exist) fails to render', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pressconf-overlay-'));
    try {
      writeFileSync(
        path.join(dir, 'kustomization.yaml'),
        [
          'apiVersion: kustomize.config.k8s.io/v1beta1',
          'kind: Kustomization',
          'resources:',
          `  - ${abs(K8S_BASE)}`,
          'patches:',
          '  - target:',
          '      kind: Deployment',
          '      name: no-such-deployment',
          '    patch: |-',
          '      - op: replace',
          '        path: /spec/template/spec/containers/0/image',
          '        value: pressconf/nothing:1.0.0',
        ].join('\n'),
      );
      expect(() => kustomize(dir)).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('manifests are valid against the Kubernetes API schemas (unknown fields refused)', () => {
  it.each(allManifestSets().map((set) => [set.name, set.manifests] as const))('%s', (_name, manifests) => {
    expect(schemaProblems(manifests)).toEqual([]);
  });

  const dev = () => rendered(overlayDir('dev'));

  it('refuses an unknown field in a container (a misspelt probe)', () => {
    const manifests = broken(dev(), 'Deployment', (d) => {
      const container = at(d, 'spec', 'template', 'spec', 'containers', 0);
      container.readinesProbe = container.readinessProbe;
      delete container.readinessProbe;
    });
    expect(schemaProblems(manifests)).toEqual([
      expect.stringMatching(/readinesProbe.*does not exist in type 'IContainer'/),
    ]);
  });

  it('refuses a field at the wrong level', () => {
    const manifests = broken(dev(), 'Service', (d) => {
      at(d, 'spec').targetPort = 3000;
    });
    expect(schemaProblems(manifests)).toEqual([expect.stringMatching(/\/spec\/targetPort/)]);
  });

  it('refuses a wrong type and a missing required field', () => {
    const wrongType = broken(dev(), 'Deployment', (d) => {
      at(d, 'spec', 'template', 'spec', 'containers', 0, 'ports', 0).containerPort = '3000';
    });
    expect(schemaProblems(wrongType).join('\n')).toMatch(/containerPort must be integer/);
    const missing = broken(dev(), 'HorizontalPodAutoscaler', (d) => {
      delete at(d, 'spec').maxReplicas;
    });
    expect(schemaProblems(missing).join('\n')).toMatch(/maxReplicas/);
  });

  it('refuses an unknown field in an operator resource (Strimzi KafkaTopic, CloudNativePG Cluster)', () => {
    const topic = broken(dev(), 'KafkaTopic', (d) => {
      at(d, 'spec').partition = at(d, 'spec').partitions;
    });
    expect(schemaProblems(topic)).toEqual([
      expect.stringMatching(/KafkaTopic\/.*\/spec\/partition: .*'"partition"' does not exist/),
    ]);
    const cluster = broken(dev(), 'Cluster', (d) => {
      at(d, 'spec').instance = 3;
    });
    expect(schemaProblems(cluster)).toEqual([expect.stringMatching(/Cluster\/pressconf-pg: \/spec\/instance:/)]);
  });

  it('refuses a wrong value in an operator resource (listener type, a number where CloudNativePG wants a string)', () => {
    const kafka = broken(dev(), 'Kafka', (d) => {
      at(d, 'spec', 'kafka', 'listeners', 0).type = 'internl';
    });
    expect(schemaProblems(kafka)).toEqual([expect.stringMatching(/\/spec\/kafka\/listeners\/0\/type/)]);
    const cluster = broken(dev(), 'Cluster', (d) => {
      at(d, 'spec', 'postgresql', 'parameters').max_connections = 200;
    });
    expect(schemaProblems(cluster)).toEqual([
      expect.stringMatching(/max_connections: Type 'number' is not assignable to type 'string'/),
    ]);
  });

  it('reads Secret data as the API server does: base64 wrapped over lines passes, what is not base64 does not', () => {
    const wrapped = broken(dev(), 'Secret', (d) => {
      const data = at(d, 'data');
      const [key] = Object.keys(data);
      data[key] = String(data[key])
        .replace(/\s/g, '')
        .replace(/(.{16})/g, '$1\n');
    });
    expect(schemaProblems(wrapped)).toEqual([]);
    const garbage = broken(dev(), 'Secret', (d) => {
      const data = at(d, 'data');
      data[Object.keys(data)[0]] = 'not base64!';
    });
    expect(schemaProblems(garbage)).toEqual([expect.stringMatching(/\/data\/.* must match format "byte"/)]);
  });

  it('refuses a kind it knows no schema for, and an old Strimzi API version', () => {
    const unknownKind = [
      ...clone(dev()),
      { source: 'test', doc: { apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'w' } } },
    ];
    expect(schemaProblems(unknownKind)).toEqual([expect.stringMatching(/no schema known for example\.org\/v1 Widget/)]);
    const oldApi = broken(dev(), 'KafkaTopic', (d) => {
      d.apiVersion = 'kafka.strimzi.io/v1beta2';
    });
    expect(schemaProblems(oldApi)).toEqual([
      expect.stringMatching(/no schema known for kafka\.strimzi\.io\/v1beta2 KafkaTopic/),
    ]);
  });
});
