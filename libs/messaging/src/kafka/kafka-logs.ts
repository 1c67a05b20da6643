import { Logger } from '@nestjs/common';
import { logLevel, LogEntry } from 'kafkajs';

/**
 * kafkajs lines that say nothing is wrong here, so that a healthy start and stop log no warning or error; they go to
 * the debug level instead:
 * - the idempotent producers' "Limiting retries … may invalidate EoS guarantees": the system does not claim
 *   exactly-once; the outbox retries on top and every consumer is idempotent (the inbox);
 * - an error answer to one protocol request ("[Connection] Response …"), which kafkajs logs before it retries, e.g.
 *   a coordinator still loading on a fresh broker, or topics another service created first. A failure that stays
 *   reaches our code as a thrown error, which the caller logs (the relay, the inbox, ensureTopics at start).
 */
export function isBenignKafkaLine({ namespace, log }: LogEntry): boolean {
  if (namespace === 'Producer' && log.message.startsWith('Limiting retries for the idempotent producer')) return true;
  return namespace === 'Connection' && log.message.startsWith('Response ');
}

/** kafkajs logs through the service's own logger (JSON lines with the service's fields), not its own format. */
export function kafkaLogCreator(context: string) {
  const logger = new Logger(context);
  return () =>
    (entry: LogEntry): void => {
      const { message, ...fields } = entry.log;
      const line = `[${entry.namespace}] ${message} ${JSON.stringify(fields)}`;
      if (isBenignKafkaLine(entry)) logger.debug(line);
      else if (entry.level === logLevel.ERROR) logger.error(line);
      else if (entry.level === logLevel.WARN) logger.warn(line);
      else logger.log(line);
    };
}
