// What the soak reads back from Kafka at the end: every message of a topic from the beginning, and each consumer
// group's lag.
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';

export function soakKafka(brokers) {
  return new Kafka({
    clientId: 'soak-checks',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 10, maxRetryTime: 5000 },
  });
}

/** Every message of `topic` up to its end offsets now, in partition order, with its value and headers as text. */
export async function readTopic(kafka, topic) {
  const admin = kafka.admin();
  await admin.connect();
  let ends;
  try {
    ends = await admin.fetchTopicOffsets(topic);
  } finally {
    await admin.disconnect();
  }
  const remaining = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, p.high]));
  const messages = [];
  if (remaining.size === 0) return messages;
  const groupId = `soak-check-${topic}-${Date.now()}`;
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reading ${topic} did not finish within 120 s`)), 120_000);
    consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          messages.push({
            partition,
            offset: message.offset,
            key: message.key?.toString() ?? null,
            value: message.value?.toString() ?? '',
            headers: Object.fromEntries(
              Object.entries(message.headers ?? {}).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString() : String(v)]),
            ),
          });
          if (BigInt(message.offset) + 1n >= BigInt(remaining.get(partition) ?? 0)) remaining.delete(partition);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  const cleanup = kafka.admin();
  await cleanup.connect();
  await cleanup.deleteGroups([groupId]).catch(() => undefined);
  await cleanup.disconnect();
  return messages.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

/**
 * The services' consumer groups (not the soak's own): the topics their members are assigned, and the lag of each,
 * the messages between the group's committed offset (or the partition's start) and the partition's end.
 */
export async function consumerLag(kafka) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const ids = groups.map((g) => g.groupId).filter((id) => !id.startsWith('soak-check-'));
    const described = ids.length ? (await admin.describeGroups(ids)).groups : [];
    const out = {};
    for (const group of described) {
      const topics = new Set();
      for (const member of group.members) {
        const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
        for (const topic of Object.keys(assignment?.assignment ?? {})) topics.add(topic);
      }
      if (topics.size === 0) continue;
      const committed = await admin.fetchOffsets({ groupId: group.groupId, topics: [...topics] });
      for (const { topic, partitions } of committed) {
        const bounds = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]));
        const lag = partitions.reduce((sum, p) => {
          const { low = '0', high = '0' } = bounds.get(p.partition) ?? {};
          const done = Number(p.offset) < 0 ? Number(low) : Number(p.offset);
          return sum + Math.max(0, Number(high) - done);
        }, 0);
        (out[group.groupId] ??= {})[topic] = lag;
      }
    }
    return out;
  } finally {
    await admin.disconnect();
  }
}
