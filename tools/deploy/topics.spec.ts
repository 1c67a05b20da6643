/**
 * k8s/base/kafka/topics.yaml is what tools/k8s/generate-topics.ts renders from allTopics(): a topic or an RPC
 * pattern added to the code without regenerating the manifests fails here (the policy checks compare the rendered
 * overlays with allTopics() too).
 */
import { allTopics } from '@pressconf/messaging';
import { parseYamlDocs, readText } from './repo';
import { renderTopicsYaml, TOPICS_FILE, topicClassOf, topicManifests } from './topics';

describe('KafkaTopic manifests generated from the code', () => {
  it(`${TOPICS_FILE} is up to date (else run tools/k8s/generate-topics.ts)`, () => {
    expect(readText(TOPICS_FILE)).toBe(renderTopicsYaml());
  });

  it('has one KafkaTopic per topic of allTopics(), with its partition count', () => {
    const committed = parseYamlDocs(readText(TOPICS_FILE), TOPICS_FILE).map((m) => [m.doc.spec.topicName, m.doc.spec.partitions]);
    expect(committed).toEqual(allTopics().map((t) => [t.topic, t.numPartitions]));
  });

  it('classifies the topics: events, requests, replies, dead letters (one partition)', () => {
    const classes = topicManifests().map((m) => [m.spec.topicName, m.metadata.labels['pressconf/topic-class'], m.spec.partitions]);
    expect(classes).toContainEqual(['scheduling.conference.v1', 'event', 6]);
    expect(classes).toContainEqual(['scheduling.conference.v1.dlq', 'dead-letter', 1]);
    expect(classes).toContainEqual(['scheduling.rpc.conference.call', 'rpc', 3]);
    expect(classes).toContainEqual(['scheduling.rpc.conference.call.reply', 'reply', 3]);
    expect(classes).toContainEqual(['scheduling.rpc.conference.call.dlq', 'dead-letter', 1]);
    expect(topicClassOf('submissions.briefing-pack.v1')).toBe('event');
  });

  it('detects a stale file: a topic the code gained', () => {
    const gained = [...allTopics(), { topic: 'scheduling.venue.v1', numPartitions: 6 }];
    expect(renderTopicsYaml(topicManifests(gained))).not.toBe(readText(TOPICS_FILE));
  });
});
