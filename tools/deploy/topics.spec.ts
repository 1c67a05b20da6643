/**
 * k8s/base/kafka/topics.yaml is what tools/k8s/generate-topics.ts renders from allTopics(): a topic added to the
 * code without regenerating the manifests fails here (the policy checks compare the rendered overlays with
 * allTopics() too).
 */
import { deadLetterTopicOf, EVENT_TOPICS } from '@pressconf/contracts';
import { allTopics } from '@pressconf/messaging';
import { isKind, parseYamlDocs, readText } from './repo';
import { renderTopicsYaml, TOPICS_FILE, topicClassOf, topicManifests } from './topics';

describe('KafkaTopic manifests generated from the code', () => {
  it(`${TOPICS_FILE} is up to date (else run tools/k8s/generate-topics.ts)`, () => {
    expect(readText(TOPICS_FILE)).toBe(renderTopicsYaml());
  });

  it('has one KafkaTopic per topic of allTopics(), with its partition count', () => {
    const committed = parseYamlDocs(readText(TOPICS_FILE), TOPICS_FILE).map(({ doc }) =>
      isKind(doc, 'KafkaTopic') ? [doc.spec?.topicName, doc.spec?.partitions] : [`${doc.kind}, not a KafkaTopic`],
    );
    expect(committed).toEqual(allTopics().map((t) => [t.topic, t.numPartitions]));
  });

  it('holds the contract’s event topics and their dead letters only: no request/reply topic', () => {
    expect(
      allTopics()
        .map((t) => t.topic)
        .sort(),
    ).toEqual([...EVENT_TOPICS, ...EVENT_TOPICS.map(deadLetterTopicOf)].sort());
    const classes = topicManifests().map((m) => [
      m.spec.topicName,
      m.metadata.labels['pressconf/topic-class'],
      m.spec.partitions,
    ]);
    expect(classes).toContainEqual(['scheduling.conference.v1', 'event', 6]);
    expect(classes).toContainEqual(['scheduling.conference.v1.dlq', 'dead-letter', 1]);
    expect(topicClassOf('submissions.briefing-pack.v1')).toBe('event');
  });

  it('refuses to render a topic that is no event topic of the contract', () => {
    for (const topic of [
      'scheduling.rpc.conference.call',
      'scheduling.rpc.conference.call.reply',
      'scheduling.rpc.conference.call.dlq',
    ]) {
      expect(() => topicManifests([{ topic, numPartitions: 3 }])).toThrow(/neither an event topic/);
    }
  });

  it('detects a stale file: a partition count the code changed', () => {
    const changed = allTopics().map((t) => (t.topic === 'scheduling.conference.v1' ? { ...t, numPartitions: 12 } : t));
    expect(renderTopicsYaml(topicManifests(changed))).not.toBe(readText(TOPICS_FILE));
  });
});
