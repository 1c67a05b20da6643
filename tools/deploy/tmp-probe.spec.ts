import { rendered, clone } from './repo';
import { schemaProblems } from './k8s-schema';
test('probe', () => {
  const ms = clone(rendered('k8s/overlays/dev'));
  const dep = ms.find((m) => m.doc.kind === 'Deployment')!;
  dep.doc.spec.template.spec.containers[0].readinesProbe = dep.doc.spec.template.spec.containers[0].readinessProbe;

  const topic = ms.find((m) => m.doc.kind === 'KafkaTopic')!;
  topic.doc.spec.partition = 6;
  const pg = ms.find((m) => m.doc.kind === 'Cluster')!;
  pg.doc.spec.postgresql.parameters.max_connections = 200;
  const kafka = ms.find((m) => m.doc.kind === 'Kafka')!;
  kafka.doc.spec.kafka.listeners[0].type = 'internl';
  ms.push({ source: 'x', doc: { apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 'a' } } });
  console.log(schemaProblems(ms));
});
