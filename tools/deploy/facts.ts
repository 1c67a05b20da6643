/** The code facts the deployment checks compare with, gathered once. */
import { allTopics, TOPIC_PARTITIONS } from '@pressconf/messaging';
import { appFacts, databasePoolSizeDefault, envNamesReadByCode } from './code-facts';
import type { CodeFacts } from './policy';

let cached: CodeFacts | undefined;

export function codeFacts(): CodeFacts {
  cached ??= {
    apps: appFacts(),
    envNames: envNamesReadByCode(),
    topics: allTopics(),
    partitions: { event: TOPIC_PARTITIONS.event },
    databasePoolSize: databasePoolSizeDefault(),
  };
  return cached;
}
