/** The code facts the deployment checks compare with, gathered once. */
import type { ServiceName } from '@pressconf/contracts';
import { allTopics, kafkaAccessOf, TOPIC_PARTITIONS } from '@pressconf/messaging';
import { appFacts, databasePoolSizeDefault, envNamesReadByCode } from './code-facts';
import type { CodeFacts } from './policy';

let cached: CodeFacts | undefined;

export function codeFacts(): CodeFacts {
  if (cached) return cached;
  const apps = appFacts();
  cached = {
    apps,
    envNames: envNamesReadByCode(),
    topics: allTopics(),
    partitions: { event: TOPIC_PARTITIONS.event },
    databasePoolSize: databasePoolSizeDefault(),
    kafkaAccess: Object.fromEntries(
      apps.filter((a) => a.usesKafka).map((a) => [a.name, kafkaAccessOf(a.name as ServiceName)]),
    ),
  };
  return cached;
}
